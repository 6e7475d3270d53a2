// The languages the app speaks. Apart from settings.ts so modules that settings.ts imports
// (consent texts) can use them without an import cycle.
export const LOCALES = ['it', 'en', 'pt', 'bg'] as const;
export type Locale = (typeof LOCALES)[number];
