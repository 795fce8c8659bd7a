export { defineStrings, registerTranslation, registeredLanguages, translate, type Strings, type Term, type Terms } from './registry.js';
export { LocalizeController, languageOf } from './localize.js';
