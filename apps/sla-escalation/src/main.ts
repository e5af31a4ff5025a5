import 'reflect-metadata';
import { runService } from '@support/nest-bootstrap';
import { createSlaApp } from './app';
import { SLA_SERVICE } from './service';

void runService(SLA_SERVICE, createSlaApp);
