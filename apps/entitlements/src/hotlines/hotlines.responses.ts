import { ApiFlag, ApiInstant, ApiInteger, ApiNested, ApiText } from '@support/platform';

export class HotlineResponse {
  @ApiText({ example: 'US', description: 'ISO 3166-1 alpha-2' }) country!: string;
  @ApiText({ example: 'United States' }) countryName!: string;
  @ApiText({ example: '+1.888.799.9666' }) number!: string;
  @ApiText({ example: '2', description: 'dialled once connected; empty when none' }) extension!: string;
  @ApiText({ example: 'en', description: 'language spoken on the line (BCP 47)' }) language!: string;
  @ApiFlag() tollFree!: boolean;
}

/** GET /v1/hotlines. */
export class HotlineDirectoryResponse {
  @ApiInteger({ minimum: 1 }) version!: number;
  @ApiInstant() updatedAt!: string;
  @ApiText() updatedBy!: string;
  @ApiNested(() => HotlineResponse, { isArray: true }) hotlines!: HotlineResponse[];
}

/** PUT /v1/hotlines. */
export class HotlineDirectoryUpdatedResponse extends HotlineDirectoryResponse {
  @ApiFlag({ description: 'false when the directory given equals the current one' }) changed!: boolean;
}
