import { useEffect, useRef, useState } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Table from 'react-bootstrap/Table';
import { useTextes } from '../commun/langue';
import { Probleme } from '../commun/Probleme';
import { Retour } from './Retour';
import { valeursRemplies } from './champs';
import { TEXTES_DOSSIER, type LibellesListe } from './textes';

export interface Ligne {
  id: number;
  version: number;
}

interface ListeProps<L extends Ligne> {
  /** What the list says of its rows: « Aucun stage renseigné. », « Ajouter un stage », « Stage ajouté. »… */
  libelles: LibellesListe;
  lignes: L[];
  colonnes: { titre: string; valeur: (ligne: L) => React.ReactNode }[];
  /** The name of a row in its buttons (« Modifier le stage 2023 Ville de Tours »). */
  nomLigne: (ligne: L) => string;
  /** The fields, filled with the row being changed (none for a new one). */
  champs: (ligne: L | undefined, erreur: unknown) => React.ReactNode;
  ajouter: (valeurs: Record<string, string>) => Promise<unknown>;
  /** Sends the row's version read last (If-Match). */
  modifier: (ligne: L, valeurs: Record<string, string>) => Promise<unknown>;
  supprimer: (ligne: L) => Promise<unknown>;
}

/**
 * A list of the file (cursus externe, stages, expériences pro): a table, and a form to add a row or change one.
 * The form is uncontrolled: after a 412 the list is read again, and what was typed stays for the next try (sent with
 * the version just read).
 */
export function ListeEditable<L extends Ligne>({ libelles, lignes, colonnes, nomLigne, champs, ajouter, modifier, supprimer }: ListeProps<L>) {
  const t = useTextes(TEXTES_DOSSIER);
  const [edition, setEdition] = useState<number | 'nouveau' | null>(null);
  const [aSupprimer, setASupprimer] = useState<number | null>(null);
  const [erreur, setErreur] = useState<unknown>(null);
  const [succes, setSucces] = useState<string | null>(null);
  const [enCours, setEnCours] = useState(false);
  const formulaire = useRef<HTMLFormElement>(null);
  const ligneEditee = typeof edition === 'number' ? lignes.find((l) => l.id === edition) : undefined;

  useEffect(() => {
    if (edition !== null) formulaire.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [edition]);

  const executer = async (action: () => Promise<unknown>, message: string, apres: () => void) => {
    setEnCours(true);
    setErreur(null);
    setSucces(null);
    try {
      await action();
      setSucces(message);
      apres();
    } catch (probleme) {
      setErreur(probleme);
    } finally {
      setEnCours(false);
    }
  };

  return (
    <>
      {edition === null && <Retour erreur={erreur} succes={succes} />}
      {lignes.length === 0 ? (
        <p>{libelles.aucun}</p>
      ) : (
        <Table responsive size="sm">
          <thead>
            <tr>
              {colonnes.map((c) => (
                <th key={c.titre} scope="col">
                  {c.titre}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lignes.map((ligne) => (
              <tr key={ligne.id}>
                {colonnes.map((c) => (
                  <td key={c.titre}>{c.valeur(ligne)}</td>
                ))}
                <td className="text-nowrap">
                  {aSupprimer === ligne.id ? (
                    <>
                      <Button
                        size="sm"
                        variant="danger"
                        className="me-1"
                        disabled={enCours}
                        onClick={() => void executer(() => supprimer(ligne), libelles.supprime, () => setASupprimer(null))}
                      >
                        {t.confirmerSuppression}
                        <span className="visually-hidden"> : {nomLigne(ligne)}</span>
                      </Button>
                      <Button size="sm" variant="outline-secondary" onClick={() => setASupprimer(null)}>
                        {t.garder}
                        <span className="visually-hidden"> : {nomLigne(ligne)}</span>
                      </Button>
                    </>
                  ) : (
                    <>
                      <Button size="sm" variant="outline-primary" className="me-1" onClick={() => (setEdition(ligne.id), setSucces(null), setErreur(null))}>
                        {t.modifier}
                        <span className="visually-hidden"> : {nomLigne(ligne)}</span>
                      </Button>
                      <Button size="sm" variant="outline-danger" onClick={() => setASupprimer(ligne.id)}>
                        {t.supprimer}
                        <span className="visually-hidden"> : {nomLigne(ligne)}</span>
                      </Button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {edition === null ? (
        <Button variant="outline-primary" onClick={() => (setEdition('nouveau'), setSucces(null), setErreur(null))}>
          {libelles.ajouter}
        </Button>
      ) : (
        <Form
          noValidate
          ref={formulaire}
          key={edition}
          className="border rounded p-3"
          aria-label={edition === 'nouveau' ? libelles.ajouter : ligneEditee ? t.modifierLigne(nomLigne(ligneEditee)) : libelles.modifier}
          onSubmit={(evt) => {
            evt.preventDefault();
            const valeurs = valeursRemplies(evt.currentTarget);
            if (edition === 'nouveau') void executer(() => ajouter(valeurs), libelles.ajoute, () => setEdition(null));
            else if (ligneEditee) void executer(() => modifier(ligneEditee, valeurs), libelles.modifie, () => setEdition(null));
          }}
        >
          <h3 className="h5">{edition === 'nouveau' ? libelles.ajouter : libelles.modifier}</h3>
          {edition !== 'nouveau' && !ligneEditee ? (
            <Probleme erreur={{ status: 404, detail: t.elementDisparu, type: '', title: '', code: '', instance: '', requestId: '' }} />
          ) : (
            <>
              <Retour erreur={erreur} />
              {champs(ligneEditee, erreur)}
            </>
          )}
          <Button type="submit" className="me-2" disabled={enCours || (edition !== 'nouveau' && !ligneEditee)}>
            {t.enregistrer}
          </Button>
          <Button variant="outline-secondary" onClick={() => (setEdition(null), setErreur(null))}>
            {t.annuler}
          </Button>
        </Form>
      )}
    </>
  );
}
