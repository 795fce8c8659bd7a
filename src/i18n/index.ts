export {
  defineStrings,
  registerTranslation,
  registeredLanguages,
  translate,
  termLanguage,
  type Strings,
  type Term,
  type Terms,
  type TranslationOf,
} from './registry.js';
export { LocalizeController, languageOf } from './localize.js';
export { availableLanguages, loadLanguage, preferredLanguage } from './languages.js';
export { plural, pluralCategory, num, type PluralForms, type PluralCategory } from './plural.js';
