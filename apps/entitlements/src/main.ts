import 'reflect-metadata';
import { runService } from '@support/nest-messaging';
import { createEntitlementsApp } from './app';
import { EntitlementsEnvironment } from './environment';

void runService(EntitlementsEnvironment, createEntitlementsApp);
