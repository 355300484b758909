import { Injectable } from '@nestjs/common';
import { FieldError } from '../errors/domain-errors';

/** Where "now" comes from: injected everywhere so tests can move to "5 days later". */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

const parisDay = new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) an instant falls on in Europe/Paris, the zone of every campaign date. */
export function parisDate(instant: Date): string {
  return parisDay.format(instant);
}

/** "10/04/2027" from a calendar date YYYY-MM-DD. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * A date staff type for something that already happened (a file received, a commission's meeting): never after
 * today in Paris. The field's error, or none.
 */
export function erreursDatePassee(field: string, date: string | null | undefined, today: string): FieldError[] {
  return date && date > today ? [{ field, message: `ne peut pas être postérieure à aujourd'hui (${today})` }] : [];
}
