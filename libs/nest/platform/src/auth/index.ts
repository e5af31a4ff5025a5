export * from './principal';
export * from './token-verifier';
export * from './auth.decorators';
export * from './auth.guard';
