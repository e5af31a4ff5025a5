import 'reflect-metadata';
import { runService } from '@support/nest-messaging';
import { createTicketingApp } from './app';
import { TicketingEnvironment } from './environment';

void runService(TicketingEnvironment, createTicketingApp);
