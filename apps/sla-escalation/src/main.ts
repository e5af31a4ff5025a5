import 'reflect-metadata';
import { runService } from '@support/nest-messaging';
import { createSlaApp } from './app';
import { SlaEnvironment } from './environment';

void runService(SlaEnvironment, createSlaApp);
