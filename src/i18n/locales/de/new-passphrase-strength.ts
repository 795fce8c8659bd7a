import type { newPassphraseStrengthStrings } from '../../../components/new-passphrase/new-passphrase.strength.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  score0: 'Sehr schwach',
  score1: 'Schwach',
  score2: 'Mittel',
  score3: 'Stark',
  score4: 'Sehr stark',
  strength: (name: string) => `Stärke: ${name}`,
  checking: 'Stärke wird geprüft …',
  unavailable: 'Die Stärkeprüfung konnte nicht geladen werden.',
  tooWeak: (needed: string) => `Noch nicht stark genug: Sie muss mindestens „${needed}“ sein.`,
  strongEnough: 'Stark genug.',
  warnCommon: 'Das ist eines der meistbenutzten Passwörter.',
  warnSimilar: 'Das ähnelt einem sehr häufig benutzten Passwort.',
  warnUserInputs: 'Die Passphrase enthält deinen Benutzernamen oder den Namen deines Servers.',
  warnKeyboard: 'Reihen und Muster auf der Tastatur sind leicht zu erraten.',
  warnRepeat: 'Wiederholte Zeichen oder Wörter sind leicht zu erraten.',
  warnSequence: 'Folgen wie „abc“ oder „6543“ sind leicht zu erraten.',
  warnDates: 'Daten und Jahreszahlen sind leicht zu erraten.',
  warnSingleWord: 'Ein einzelnes Wort ist leicht zu erraten, in jeder Sprache.',
  suggestMoreWords: 'Füge ein oder zwei Wörter hinzu; ungewöhnliche Wörter sind besser.',
  suggestPredictable: 'Großbuchstaben, Ziffern statt Buchstaben und rückwärts geschriebene Wörter machen sie kaum schwerer zu erraten.',
  suggestAvoidPatterns: 'Vermeide Daten, Jahreszahlen, Folgen und Tastaturmuster.',
} satisfies TranslationOf<typeof newPassphraseStrengthStrings>;
