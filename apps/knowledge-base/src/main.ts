import 'reflect-metadata';
import { runService } from '@support/nest-bootstrap';
import { createKnowledgeBaseApp } from './app';
import { KNOWLEDGE_BASE_SERVICE } from './service';

void runService(KNOWLEDGE_BASE_SERVICE, createKnowledgeBaseApp);
