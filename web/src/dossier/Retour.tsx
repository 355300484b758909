import { Probleme, Succes } from '../commun/Probleme';
import { estPerimee } from './version';

/**
 * What a save answered: the API's problem (its French detail, focused), and on a 412 what happened to the form; or
 * the success, announced.
 */
export function Retour({ erreur, succes }: { erreur: unknown; succes?: string | false | null }) {
  return (
    <>
      <Probleme erreur={erreur} />
      {estPerimee(erreur) && (
        <div className="alert alert-warning">
          Votre dossier a été modifié ailleurs (dans un autre onglet ou sur un autre appareil) depuis que cette page l’a lu : sa
          version enregistrée vient d’être rechargée. Ce que vous avez saisi est conservé dans le formulaire : vérifiez-le, puis
          enregistrez à nouveau.
        </div>
      )}
      {succes && <Succes>{succes}</Succes>}
    </>
  );
}
