import { Module } from '@nestjs/common';
import { HotlinesModule } from '../hotlines/hotlines.module';
import { PlansModule } from '../plans/plans.module';
import { SupportOptionsController } from './support-options.controller';
import { SupportOptionsService } from './support-options.service';

/** Which support channels a user may use, from their account's plan and role. */
@Module({
  imports: [PlansModule, HotlinesModule],
  controllers: [SupportOptionsController],
  providers: [SupportOptionsService],
})
export class SupportOptionsModule {}
