import { useTextes } from '../commun/langue';
import { Probleme, Succes } from '../commun/Probleme';
import { TEXTES_DOSSIER } from './textes';
import { estPerimee } from './version';

/**
 * What a save answered: the API's problem (its French detail, focused), and on a 412 what happened to the form; or
 * the success, announced.
 */
export function Retour({ erreur, succes }: { erreur: unknown; succes?: string | false | null }) {
  const t = useTextes(TEXTES_DOSSIER);
  return (
    <>
      <Probleme erreur={erreur} />
      {estPerimee(erreur) && (
        <div className="alert alert-warning">{t.perimee}</div>
      )}
      {succes && <Succes>{succes}</Succes>}
    </>
  );
}
