export { gotoApp, waitForAppReady, withEnglish } from './app';
export { expectNoSeriousA11yViolations, type A11yOptions } from './a11y';
export { waitForServiceWorkerControl } from './pwa';
export * from './sync';
export { drawSignature } from './consents';
export * from './seed';
