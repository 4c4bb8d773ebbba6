import type { IdentityField } from '@c2/api-client/schemas/identity';

const maskWord = (w: string) =>
  w.length <= 1 ? w : `${[...w][0]}${'*'.repeat(Math.max(2, [...w].length - 1))}`;

/**
 * Masks a personal value so it can be recognized by someone who already knows it, but not learnt: a name keeps
 * its family name and initials, an id number or phone its last digits, an address its ward and province, a date
 * its year.
 */
export function maskValue(field: IdentityField, value: string): string {
  switch (field) {
    case 'ownerName':
    case 'fullName': {
      const [family, ...rest] = value.split(/\s+/);
      return [family, ...rest.map(maskWord)].join(' ');
    }
    case 'ownerIdNumber':
    case 'idNumber':
    case 'ownerPhone':
    case 'phone':
      return `${'*'.repeat(Math.max(0, value.length - 3))}${value.slice(-3)}`;
    case 'ownerAddress':
    case 'permanentAddress':
    case 'currentAddress': {
      const parts = value.split(',').map((s) => s.trim());
      return parts.length > 2 ? ['***', ...parts.slice(-2)].join(', ') : '***';
    }
    case 'dateOfBirth':
      return `${value.slice(0, 4)}-**-**`;
    default:
      return value;
  }
}
