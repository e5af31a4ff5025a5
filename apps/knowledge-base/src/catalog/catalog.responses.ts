import { ApiExtraModels, getSchemaPath } from '@nestjs/swagger';
import { SUPPORTED_LOCALES } from '@support/domain-knowledge';
import { ApiFlag, ApiId, ApiInstant, ApiInteger, ApiMap, ApiNested, ApiOneOf, ApiText } from '@support/platform';

/** Which translation a reader is served and why (the reader's locale, else English). */
export class LocaleFieldsResponse {
  @ApiOneOf(SUPPORTED_LOCALES, { description: 'the locale served' }) locale!: string;
  @ApiOneOf(SUPPORTED_LOCALES, { description: 'the locale asked for (query, else Accept-Language, else en)' }) requestedLocale!: string;
  @ApiFlag({ description: 'served in the locale asked for' }) translated!: boolean;
  @ApiFlag({ description: 'the translation is older than the English source' }) outdated!: boolean;
  @ApiOneOf(SUPPORTED_LOCALES, { isArray: true }) availableLocales!: string[];
}

export class ReaderSectionResponse extends LocaleFieldsResponse {
  @ApiId() id!: string;
  @ApiText() slug!: string;
  @ApiInteger() position!: number;
  @ApiText() title!: string;
  @ApiInteger({ description: 'published articles' }) articleCount!: number;
}

export class ReaderCategoryResponse extends LocaleFieldsResponse {
  @ApiId() id!: string;
  @ApiText() slug!: string;
  @ApiInteger() position!: number;
  @ApiText() title!: string;
  @ApiText({ nullable: true }) description!: string | null;
  @ApiInteger({ description: 'published articles in its sections' }) articleCount!: number;
  @ApiNested(() => ReaderSectionResponse, { isArray: true }) sections!: ReaderSectionResponse[];
}

/** GET /v1/categories. */
export class CategoryListResponse {
  @ApiOneOf(SUPPORTED_LOCALES) requestedLocale!: string;
  @ApiNested(() => ReaderCategoryResponse, { isArray: true }) items!: ReaderCategoryResponse[];
}

export class CategoryTextResponse {
  @ApiText() title!: string;
  @ApiText({ nullable: true }) description!: string | null;
  @ApiInstant() updatedAt!: string;
}

export class SectionTextResponse {
  @ApiText() title!: string;
  @ApiInstant() updatedAt!: string;
}

@ApiExtraModels(SectionTextResponse)
export class AdminSectionResponse {
  @ApiId() id!: string;
  @ApiText() slug!: string;
  @ApiInteger() position!: number;
  @ApiMap({ description: 'by locale', additionalProperties: { $ref: getSchemaPath(SectionTextResponse) } }) translations!: Record<
    string,
    SectionTextResponse
  >;
}

/** A category as administrators edit it, every locale side by side (every catalog write answers it). */
@ApiExtraModels(CategoryTextResponse)
export class AdminCategoryResponse {
  @ApiId() id!: string;
  @ApiText() slug!: string;
  @ApiInteger() position!: number;
  @ApiMap({ description: 'by locale', additionalProperties: { $ref: getSchemaPath(CategoryTextResponse) } }) translations!: Record<
    string,
    CategoryTextResponse
  >;
  @ApiNested(() => AdminSectionResponse, { isArray: true }) sections!: AdminSectionResponse[];
  @ApiInstant() createdAt!: string;
  @ApiInstant() updatedAt!: string;
}
