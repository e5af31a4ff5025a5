import { SUPPORTED_LOCALES } from '@support/domain-knowledge';
import { ApiId, ApiInstant, ApiNested, ApiOneOf, ApiText, ApiTexts } from '@support/platform';

/** One synonym rule: searching `term` also finds `synonyms`. */
export class SynonymResponse {
  @ApiId() id!: string;
  @ApiOneOf(SUPPORTED_LOCALES) locale!: string;
  @ApiText() term!: string;
  @ApiTexts() synonyms!: string[];
  @ApiInstant() createdAt!: string;
  @ApiInstant() updatedAt!: string;
}

export class SynonymListResponse {
  @ApiNested(() => SynonymResponse, { isArray: true }) items!: SynonymResponse[];
}
