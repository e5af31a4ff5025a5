// Everything a service or cross-service test needs: the plain helpers of testing-core (broker,
// throw-away databases, event probe, tokens) and the in-process ServiceStack.
export * from '@support/testing-core';
export * from './service-stack';
