import { useQueryClient } from '@tanstack/react-query';
import { enProbleme } from '../commun/probleme';

/** The If-Match of the version read (none for a section not yet filled in). */
export function siVersion(version: number | undefined): { header?: { 'If-Match': string } } {
  return version === undefined ? {} : { header: { 'If-Match': `"${version}"` } };
}

/** 412: the section changed elsewhere (another tab, another device) since it was read. */
export function estPerimee(erreur: unknown): boolean {
  return enProbleme(erreur)?.status === 412;
}

/** Reads the file again: after a change, and after a 412 so that the next save sends the version now stored. */
export function useRechargerDossier(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['get', '/api/candidat/dossier'] });
}
