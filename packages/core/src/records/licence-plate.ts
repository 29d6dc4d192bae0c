// Belgian licence plates as people type them: `1abc234`, `1 ABC 234`, `1.abc.234`. Since 2010 a
// plate is a digit, three letters and three digits (`1-ABC-234`); plates issued 1973–2010 that are
// still on the road are three letters and three digits (`ABC-123`) or the other way round
// (`123-ABC`). Pure rules, used by the server and by a form as the officer types.

/**
 * Which series a plate belongs to: `current` (`1-ABC-234`), `letters_digits` (`ABC-123`) or
 * `digits_letters` (`123-ABC`), the two older ones.
 *
 * @category Schemas
 */
export type PlateFormat = 'current' | 'letters_digits' | 'digits_letters';

/**
 * What {@link parsePlate} made of a typed plate.
 *
 * @category Schemas
 */
export type PlateParse = { valid: true; plate: string; format: PlateFormat } | { valid: false };

/**
 * Reads a plate as typed, whatever the case, spaces, dots or dashes, and gives its canonical form
 * and series; `{ valid: false }` for what cannot be a Belgian plate.
 *
 * @example
 * ```ts
 * parsePlate('1 abc.234'); // { valid: true, plate: '1-ABC-234', format: 'current' }
 * parsePlate('abc123');    // { valid: true, plate: 'ABC-123', format: 'letters_digits' }
 * parsePlate('12-AB');     // { valid: false }
 * ```
 *
 * @category Schemas
 */
export function parsePlate(input: string): PlateParse {
  if (input.length > 20 || !/^[0-9A-Za-z.\-\s]+$/.test(input)) return { valid: false };
  const compact = input.replace(/[.\-\s]/g, '').toUpperCase();
  let match = /^([1-9])([A-Z]{3})(\d{3})$/.exec(compact);
  if (match) return { valid: true, plate: `${match[1]}-${match[2]}-${match[3]}`, format: 'current' };
  match = /^([A-Z]{3})(\d{3})$/.exec(compact);
  if (match) return { valid: true, plate: `${match[1]}-${match[2]}`, format: 'letters_digits' };
  match = /^(\d{3})([A-Z]{3})$/.exec(compact);
  if (match) return { valid: true, plate: `${match[1]}-${match[2]}`, format: 'digits_letters' };
  return { valid: false };
}
