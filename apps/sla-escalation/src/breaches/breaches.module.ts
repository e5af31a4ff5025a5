import { Module } from '@nestjs/common';
import { BreachesController } from './breaches.controller';

/** The breach list agents and admins read. */
@Module({ controllers: [BreachesController] })
export class BreachesModule {}
