import { Module } from '@nestjs/common';
import { CatalogEditor } from './catalog-editor.service';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';

/** The help center's categories and sections, in every language. */
@Module({
  controllers: [CatalogController],
  providers: [CatalogService, CatalogEditor],
  exports: [CatalogService],
})
export class CatalogModule {}
