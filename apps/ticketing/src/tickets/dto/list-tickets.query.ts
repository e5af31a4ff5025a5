import { ApiPropertyOptional } from '@nestjs/swagger';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '@support/contracts';
import { Transform, type TransformFnParams } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { LIST_ORDERS, type ListOrder } from '../listing/ticket-cursor';

/** `status=open,pending` and `status=open&status=pending` mean the same. */
const list = ({ value }: TransformFnParams) =>
  typeof value === 'string' || Array.isArray(value)
    ? ([] as unknown[])
        .concat(value)
        .flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]))
        .map((v) => (typeof v === 'string' ? v.trim() : v))
    : value;
const flag = ({ value }: TransformFnParams) => (value === 'true' ? true : value === 'false' ? false : value);
const integer = ({ value }: TransformFnParams) => (typeof value === 'string' && /^-?\d{1,6}$/.test(value) ? Number(value) : value);

export const DEFAULT_PAGE_SIZE = 25;

export class ListTicketsQuery {
  @ApiPropertyOptional({ description: `comma-separated: ${TICKET_STATUSES.join(', ')}` })
  @IsOptional()
  @Transform(list)
  @ArrayMinSize(1)
  @ArrayMaxSize(TICKET_STATUSES.length)
  @IsIn(TICKET_STATUSES, { each: true, message: `status must list values among ${TICKET_STATUSES.join(', ')}` })
  status?: TicketStatus[];

  @ApiPropertyOptional({ description: `comma-separated: ${TICKET_PRIORITIES.join(', ')}` })
  @IsOptional()
  @Transform(list)
  @ArrayMinSize(1)
  @ArrayMaxSize(TICKET_PRIORITIES.length)
  @IsIn(TICKET_PRIORITIES, { each: true, message: `priority must list values among ${TICKET_PRIORITIES.join(', ')}` })
  priority?: TicketPriority[];

  @ApiPropertyOptional({ description: 'user id of the requester (staff only: a requester always sees their own)' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  requester?: string;

  @ApiPropertyOptional({ description: 'customer account id' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  account?: string;

  @ApiPropertyOptional({ description: 'user id of the assigned agent' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  assignee?: string;

  @ApiPropertyOptional({ description: 'true: only tickets whose first-response deadline was missed; false: only the others' })
  @IsOptional()
  @Transform(flag)
  @IsBoolean({ message: 'breached must be true or false' })
  breached?: boolean;

  @ApiPropertyOptional({ enum: LIST_ORDERS, default: 'newest' })
  @IsOptional()
  @IsIn(LIST_ORDERS, { message: `order must be one of ${LIST_ORDERS.join(', ')}` })
  order?: ListOrder;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Transform(integer)
  @IsInt({ message: 'limit must be a whole number from 1 to 100' })
  @Min(1, { message: 'limit must be a whole number from 1 to 100' })
  @Max(100, { message: 'limit must be a whole number from 1 to 100' })
  limit?: number;
}
