// Names of the 64 SAS emoji, from the Matrix spec's table (client-server API, "SAS method: emoji").
// Keyed by the English description the SDK gives with each emoji, so a host can register translations
// (`registerTranslation('de', { 'sas-emoji.Dog': 'Hund' })`). The glyph and name both come from the SDK's
// own table, never from the other party, so they cannot be spoofed.
import { defineStrings, translate } from './registry.js';

const names = [
  'Dog', 'Cat', 'Lion', 'Horse', 'Unicorn', 'Pig', 'Elephant', 'Rabbit',
  'Panda', 'Rooster', 'Penguin', 'Turtle', 'Fish', 'Octopus', 'Butterfly', 'Flower',
  'Tree', 'Cactus', 'Mushroom', 'Globe', 'Moon', 'Cloud', 'Fire', 'Banana',
  'Apple', 'Strawberry', 'Corn', 'Pizza', 'Cake', 'Heart', 'Smiley', 'Robot',
  'Hat', 'Glasses', 'Spanner', 'Santa', 'Thumbs Up', 'Umbrella', 'Hourglass', 'Clock',
  'Gift', 'Light Bulb', 'Book', 'Pencil', 'Paperclip', 'Scissors', 'Lock', 'Key',
  'Hammer', 'Telephone', 'Flag', 'Train', 'Bicycle', 'Aeroplane', 'Rocket', 'Trophy',
  'Ball', 'Guitar', 'Trumpet', 'Bell', 'Anchor', 'Headphones', 'Folder', 'Pin',
] as const;

export type SasEmojiDescription = (typeof names)[number];

/** English names (the spec's descriptions), one term per emoji. */
export const sasEmojiStrings = defineStrings(
  'sas-emoji',
  Object.fromEntries(names.map((n) => [n, n])) as Record<SasEmojiDescription, string>,
);

/** The spec's emoji table in order (index = the 6-bit number the SAS bits select). */
export const SAS_EMOJI_DESCRIPTIONS: readonly SasEmojiDescription[] = names;

/** The name to show and announce for the SDK's emoji `description`, in `lang`. Unknown descriptions are shown as given. */
export function sasEmojiName(lang: string, description: string): string {
  return (names as readonly string[]).includes(description)
    ? translate(lang, sasEmojiStrings, description as SasEmojiDescription)
    : description;
}
