import 'reflect-metadata';
import { runService } from '@support/nest-bootstrap';
import { createEntitlementsApp } from './app';
import { ENTITLEMENTS_SERVICE } from './service';

void runService(ENTITLEMENTS_SERVICE, createEntitlementsApp);
