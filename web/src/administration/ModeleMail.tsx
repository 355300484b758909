import { useState } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import Stack from 'react-bootstrap/Stack';
import Table from 'react-bootstrap/Table';
import { Link, useParams } from 'react-router';
import type { Schemas } from '@client';
import { $api } from '../commun/api';
import { Chargement } from '../commun/Gabarit';
import { Page } from '../commun/Page';
import { Probleme, Succes } from '../commun/Probleme';
import { ChampGestion } from '../gestion/ChampGestion';
import { horodatage, LANGUES, relire } from './outils';
import { Section } from '../gestion/Section';

type Modele = Schemas['ModeleMailDto'];

/**
 * One mail's text in one language: its variables, the subject and body to edit (checked by the API when saved: an
 * unknown variable is refused, named under the field), a preview with sample values, a test mail to oneself, and the
 * way back to the shipped text.
 */
export default function ModeleMail() {
  const { code = '', langue = '' } = useParams();
  const modele = $api.useQuery('get', '/api/admin/modeles-mail/{code}/{langue}', { params: { path: { code, langue } } });
  const m = modele.data;
  return (
    <Page titre={m ? `${m.description} (${LANGUES[m.langue]})` : 'Texte d’un mail'}>
      <p>
        <Link to="/gestion/modeles-mail">Retour aux textes des mails</Link>
      </p>
      {modele.isPending && <Chargement />}
      <Probleme erreur={modele.error} />
      {m && <Edition key={`${m.code}-${m.langue}`} modele={m} />}
    </Page>
  );
}


function Edition({ modele }: { modele: Modele }) {
  const path = { code: modele.code, langue: modele.langue };
  const [texte, setTexte] = useState({ sujet: modele.sujet, corps: modele.corps });
  // The fields are typed into; a reset gives them the shipped text again.
  const [retours, setRetours] = useState(0);
  const rafraichir = () => relire('/api/admin/modeles-mail');
  const enregistrement = $api.useMutation('put', '/api/admin/modeles-mail/{code}/{langue}', { onSuccess: () => void rafraichir() });
  const reinitialisation = $api.useMutation('delete', '/api/admin/modeles-mail/{code}/{langue}', {
    onSuccess: (livre) => {
      setTexte({ sujet: livre.sujet, corps: livre.corps });
      setRetours(retours + 1);
      enregistrement.reset();
      void rafraichir();
    },
  });
  const apercu = $api.useMutation('post', '/api/admin/modeles-mail/{code}/{langue}/apercu');
  const essai = $api.useMutation('post', '/api/admin/modeles-mail/{code}/{langue}/test');
  return (
    <>
      <p>
        Code {modele.code} ·{' '}
        {modele.enregistre ? `texte modifié${modele.updatedBy ? ` par ${modele.updatedBy}` : ''}${modele.updatedAt ? ` le ${horodatage(modele.updatedAt)}` : ''}` : 'texte livré avec l’application'}
      </p>
      <Section titre="Rédaction">
        <Form
          key={retours}
          noValidate
          aria-label="Texte du mail"
          onSubmit={(e) => {
            e.preventDefault();
            enregistrement.mutate({ params: { path }, body: texte });
          }}
        >
          <Probleme erreur={enregistrement.error} />
          {enregistrement.isSuccess && <Succes>Texte enregistré : le prochain mail {modele.code} en {LANGUES[modele.langue]} l’utilise.</Succes>}
          <ChampGestion nom="sujet" libelle="Sujet" defaultValue={texte.sujet} onChange={(sujet) => setTexte({ ...texte, sujet })} erreur={enregistrement.error ?? apercu.error} required />
          <ChampGestion
            nom="corps"
            libelle="Texte"
            lignes={12}
            defaultValue={texte.corps}
            onChange={(corps) => setTexte({ ...texte, corps })}
            aide={'Paragraphes séparés par une ligne vide ; les variables s’écrivent {{nom}}, les conditions {{#if x}}…{{/if}}, les listes {{#each x}}…{{/each}}, un lien {{lien adresse "texte"}}.'}
            erreur={enregistrement.error ?? apercu.error}
            required
          />
          <Stack direction="horizontal" gap={2} className="flex-wrap">
            <Button type="submit" disabled={enregistrement.isPending}>
              Enregistrer le texte
            </Button>
            <Button variant="outline-primary" disabled={apercu.isPending} onClick={() => apercu.mutate({ params: { path }, body: texte })}>
              Aperçu
            </Button>
          </Stack>
        </Form>
      </Section>
      {(apercu.data || apercu.error) && (
        <Section titre="Aperçu">
          <Probleme erreur={apercu.error} />
          {apercu.data && <Apercu apercu={apercu.data} />}
        </Section>
      )}
      <Section titre="Variables">
        <Table responsive size="sm">
          <caption className="visually-hidden">Variables de ce mail et valeurs d’exemple de l’aperçu</caption>
          <thead>
            <tr>
              <th scope="col">Variable</th>
              <th scope="col">Description</th>
              <th scope="col">Exemple</th>
            </tr>
          </thead>
          <tbody>
            {modele.variables.map((v) => (
              <tr key={v.nom}>
                <th scope="row">
                  <code>{v.type === 'liste' ? `{{#each ${v.nom}}}` : v.type === 'condition' ? `{{#if ${v.nom}}}` : `{{${v.nom}}}`}</code>
                </th>
                <td>
                  {v.description}
                  {v.elements && <> : {v.elements.map((e) => `${e.nom} (${e.description})`).join(', ')}</>}
                </td>
                <td>{v.exemple ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Section>
      <Section titre="Essai et texte livré">
        <Probleme erreur={essai.error ?? reinitialisation.error} />
        {essai.isSuccess && (
          <Succes>
            Mail d’essai « {essai.data.sujet} » envoyé à {essai.data.destinataire}.
          </Succes>
        )}
        {reinitialisation.isSuccess && <Succes>Le texte livré avec l’application est de retour.</Succes>}
        <Stack direction="horizontal" gap={2} className="flex-wrap mb-3">
          <Button variant="outline-primary" disabled={essai.isPending} onClick={() => essai.mutate({ params: { path } })}>
            M’envoyer un mail d’essai
          </Button>
          <Button variant="outline-danger" disabled={!modele.enregistre || reinitialisation.isPending} onClick={() => reinitialisation.mutate({ params: { path } })}>
            Revenir au texte livré
          </Button>
        </Stack>
        <details>
          <summary>Texte livré avec l’application</summary>
          <p className="mt-2 mb-1">
            <strong>{modele.defaut.sujet}</strong>
          </p>
          <pre className="border rounded p-2 bg-body-tertiary text-wrap">{modele.defaut.corps}</pre>
        </details>
      </Section>
    </>
  );
}

/**
 * The mail as a candidate receives it: its subject, its HTML part and its text part. The HTML is shown in a sandboxed
 * frame of its own opaque origin (no access to this page, its session or its cookies). `allow-scripts` lets tools
 * such as axe-core read the frame; the mail's markup still runs nothing: a srcdoc frame keeps this page's
 * Content-Security-Policy (script-src 'self', no inline script), and the API escapes the text and its values.
 */
function Apercu({ apercu }: { apercu: Schemas['ApercuModeleMailDto'] }) {
  return (
    <>
      <p>
        Sujet : <strong data-testid="apercu-sujet">{apercu.sujet}</strong>
      </p>
      <iframe title="Aperçu du mail (HTML)" sandbox="allow-scripts" srcDoc={apercu.html} className="w-100 border rounded mb-3" style={{ minHeight: '20rem' }} />
      <details>
        <summary>Version texte</summary>
        <pre className="border rounded p-2 bg-body-tertiary text-wrap" data-testid="apercu-texte">
          {apercu.texte}
        </pre>
      </details>
    </>
  );
}
