import 'reflect-metadata';
import { runService } from '@support/nest-messaging';
import { createKnowledgeBaseApp } from './app';
import { KnowledgeBaseEnvironment } from './environment';

void runService(KnowledgeBaseEnvironment, createKnowledgeBaseApp);
