import 'reflect-metadata';
import { runService } from '@support/nest-bootstrap';
import { createTicketingApp } from './app';
import { TICKETING_SERVICE } from './service';

void runService(TICKETING_SERVICE, createTicketingApp);
