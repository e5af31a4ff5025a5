import { Module } from '@nestjs/common';
import { HotlineDirectoryService } from './hotline-directory.service';
import { HotlinesController } from './hotlines.controller';

/** The phone hotline directory the support options offer to phone-entitled users. */
@Module({
  controllers: [HotlinesController],
  providers: [HotlineDirectoryService],
  exports: [HotlineDirectoryService],
})
export class HotlinesModule {}
