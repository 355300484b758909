import { useEffect, useRef, useState } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Table from 'react-bootstrap/Table';
import { Probleme } from '../commun/Probleme';
import { Retour } from './Retour';
import { valeursRemplies } from './champs';

export interface Ligne {
  id: number;
  version: number;
}

interface ListeProps<L extends Ligne> {
  /** « stage », « expérience professionnelle »… */
  element: string;
  /** « un stage »… */
  unElement: string;
  /** The element's noun is feminine (« expérience »): the messages agree. */
  feminin?: boolean;
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
export function ListeEditable<L extends Ligne>({ element, unElement, feminin = false, lignes, colonnes, nomLigne, champs, ajouter, modifier, supprimer }: ListeProps<L>) {
  const [edition, setEdition] = useState<number | 'nouveau' | null>(null);
  const [aSupprimer, setASupprimer] = useState<number | null>(null);
  const [erreur, setErreur] = useState<unknown>(null);
  const [succes, setSucces] = useState<string | null>(null);
  const [enCours, setEnCours] = useState(false);
  const formulaire = useRef<HTMLFormElement>(null);
  const e = feminin ? 'e' : '';
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
        <p>{feminin ? 'Aucune' : 'Aucun'} {element} renseigné{e}.</p>
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
                <span className="visually-hidden">Actions</span>
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
                        onClick={() => void executer(() => supprimer(ligne), `${capitale(element)} supprimé${e}.`, () => setASupprimer(null))}
                      >
                        Confirmer la suppression<span className="visually-hidden"> : {nomLigne(ligne)}</span>
                      </Button>
                      <Button size="sm" variant="outline-secondary" onClick={() => setASupprimer(null)}>
                        Garder<span className="visually-hidden"> : {nomLigne(ligne)}</span>
                      </Button>
                    </>
                  ) : (
                    <>
                      <Button size="sm" variant="outline-primary" className="me-1" onClick={() => (setEdition(ligne.id), setSucces(null), setErreur(null))}>
                        Modifier<span className="visually-hidden"> : {nomLigne(ligne)}</span>
                      </Button>
                      <Button size="sm" variant="outline-danger" onClick={() => setASupprimer(ligne.id)}>
                        Supprimer<span className="visually-hidden"> : {nomLigne(ligne)}</span>
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
          Ajouter {unElement}
        </Button>
      ) : (
        <Form
          noValidate
          ref={formulaire}
          key={edition}
          className="border rounded p-3"
          aria-label={edition === 'nouveau' ? `Ajouter ${unElement}` : `Modifier : ${ligneEditee ? nomLigne(ligneEditee) : element}`}
          onSubmit={(evt) => {
            evt.preventDefault();
            const valeurs = valeursRemplies(evt.currentTarget);
            if (edition === 'nouveau') void executer(() => ajouter(valeurs), `${capitale(element)} ajouté${e}.`, () => setEdition(null));
            else if (ligneEditee) void executer(() => modifier(ligneEditee, valeurs), `${capitale(element)} modifié${e}.`, () => setEdition(null));
          }}
        >
          <h3 className="h5">{edition === 'nouveau' ? `Ajouter ${unElement}` : `Modifier ${unElement}`}</h3>
          {edition !== 'nouveau' && !ligneEditee ? (
            <Probleme erreur={{ status: 404, detail: `Cet élément n’existe plus : il a été supprimé ailleurs. Annulez pour revenir à la liste.`, type: '', title: '', code: '', instance: '', requestId: '' }} />
          ) : (
            <>
              <Retour erreur={erreur} />
              {champs(ligneEditee, erreur)}
            </>
          )}
          <Button type="submit" className="me-2" disabled={enCours || (edition !== 'nouveau' && !ligneEditee)}>
            Enregistrer
          </Button>
          <Button variant="outline-secondary" onClick={() => (setEdition(null), setErreur(null))}>
            Annuler
          </Button>
        </Form>
      )}
    </>
  );
}

function capitale(texte: string): string {
  return texte.charAt(0).toUpperCase() + texte.slice(1);
}
