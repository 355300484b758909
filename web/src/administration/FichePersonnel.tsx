import { useId, useState } from 'react';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Row from 'react-bootstrap/Row';
import Stack from 'react-bootstrap/Stack';
import Table from 'react-bootstrap/Table';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { Schemas } from '@client';
import { $api } from '../commun/api';
import { dateLisible } from '../commun/dates';
import { Chargement } from '../commun/Gabarit';
import { Page } from '../commun/Page';
import { Probleme, Succes } from '../commun/Probleme';
import { enProbleme } from '../commun/probleme';
import { useSession } from '../commun/session';
import { siVersion } from '../dossier/version';
import { ChampGestion, lireFormulaire } from '../gestion/ChampGestion';
import { horodatage, relire } from './outils';
import { Pagination } from './Pagination';
import { ROLES, habilitationLisible, rolesAttribuables, type RolePersonnel } from './personnel';
import { Section } from '../gestion/Section';

type Utilisateur = Schemas['UtilisateurDto'];
/** A gestionnaire's centre as the form edits it: the whole centre, or only the commissions ticked. */
interface CentreSaisi {
  code: string;
  tout: boolean;
  commissions: string[];
}

/** A staff account: created (`/gestion/personnel/nouveau`) or read and changed (`/gestion/personnel/{id}`). */
export default function FichePersonnel() {
  const id = useParams().id;
  const cree = (useLocation().state as { cree?: boolean } | null)?.cree;
  const compte = $api.useQuery('get', '/api/admin/utilisateurs/{id}', { params: { path: { id: Number(id) } } }, { enabled: id !== undefined });
  if (id === undefined) {
    return (
      <Page titre="Nouveau compte du personnel">
        <Retour />
        <FormulaireCompte />
      </Page>
    );
  }
  const u = compte.data;
  return (
    <Page titre={u ? `Compte de ${u.prenom} ${u.nom}` : 'Compte du personnel'}>
      <Retour />
      {compte.isPending && <Chargement />}
      <Probleme erreur={compte.error} />
      {cree && <Succes>Compte créé.</Succes>}
      {u && (
        <>
          <FormulaireCompte compte={u} />
          <EtatDuCompte compte={u} />
          <Historique id={u.id} />
        </>
      )}
    </Page>
  );
}

function Retour() {
  return (
    <p>
      <Link to="/gestion/personnel">Retour à la liste du personnel</Link>
    </p>
  );
}


/** The API's messages for a group of fields (roles, centres, commissions): « centres.0.commissions : … ». */
function messagesGroupe(erreur: unknown, champ: string): string | null {
  const messages = (enProbleme(erreur)?.errors ?? []).filter((e) => e.field === champ || e.field.startsWith(`${champ}.`));
  return messages.length > 0 ? messages.map((m) => `${m.field} : ${m.message}`).join(' ; ') : null;
}

/** A group of fields (checkboxes, rows) under its legend, the API's messages for it tied by aria-describedby. */
function Groupe({ legende, champ, erreur, children }: { legende: string; champ: string; erreur: unknown; children: React.ReactNode }) {
  const id = useId();
  const message = messagesGroupe(erreur, champ);
  return (
    <fieldset className="mb-3" aria-describedby={message ? id : undefined}>
      <legend className="fs-6">{legende}</legend>
      {children}
      {message && (
        <div id={id} className="invalid-feedback d-block" lang="fr">
          {message}
        </div>
      )}
    </fieldset>
  );
}

const recharger = () => relire('/api/admin/utilisateurs');

function FormulaireCompte({ compte }: { compte?: Utilisateur }) {
  const navigate = useNavigate();
  const id = useId();
  const attribuables = rolesAttribuables(useSession()?.me.roles ?? []);
  const [roles, setRoles] = useState<RolePersonnel[]>((compte?.roles ?? ['gestionnaire']) as RolePersonnel[]);
  const [casSeulement, setCasSeulement] = useState(compte?.casUniquement ?? false);
  const [centres, setCentres] = useState<CentreSaisi[]>((compte?.centres ?? []).map((c) => ({ code: c.code, tout: c.commissions === null, commissions: c.commissions ?? [] })));
  const [membre, setMembre] = useState<Schemas['CommissionMembreDto'][]>(compte?.commissions ?? []);
  const listeCentres = $api.useQuery('get', '/api/offre/gestion/centres', { params: { query: { limit: 200 } } }, { staleTime: 300_000 });
  const listeCommissions = $api.useQuery('get', '/api/offre/gestion/commissions', { params: { query: { limit: 200 } } }, { staleTime: 300_000 });
  const commissionsDe = (centre: string) => (listeCommissions.data?.items ?? []).filter((c) => c.centreCode === centre);
  const creation = $api.useMutation('post', '/api/admin/utilisateurs', {
    onSuccess: (u) => {
      void recharger();
      void navigate(`/gestion/personnel/${u.id}`, { state: { cree: true } });
    },
  });
  const modification = $api.useMutation('put', '/api/admin/utilisateurs/{id}', { onSuccess: () => void recharger() });
  const erreur = compte ? modification.error : creation.error;
  const gestionnaire = roles.includes('gestionnaire');
  const membreCommission = roles.includes('commission');

  const envoyer = (e: React.FormEvent<HTMLFormElement>) => {
    const v = lireFormulaire(e);
    const profil = {
      email: v.email,
      nom: v.nom,
      prenom: v.prenom,
      roles,
      centres: gestionnaire ? centres.map((c) => (c.tout ? { code: c.code } : { code: c.code, commissions: c.commissions })) : [],
      commissions: membreCommission ? membre : [],
    };
    if (compte) {
      modification.mutate({
        params: { path: { id: compte.id }, ...siVersion(compte.version) },
        body: { ...profil, actif: compte.actif, ...(casSeulement ? (compte.casUniquement ? {} : { casUniquement: true }) : v.password ? { password: v.password } : {}) },
      });
    } else {
      creation.mutate({ body: { ...profil, login: v.login, ...(casSeulement ? {} : { password: v.password }) } });
    }
  };
  const changerCentre = (i: number, changement: Partial<CentreSaisi>) => setCentres(centres.map((c, j) => (j === i ? { ...c, ...changement } : c)));
  const changerMembre = (i: number, changement: Partial<Schemas['CommissionMembreDto']>) => setMembre(membre.map((c, j) => (j === i ? { ...c, ...changement } : c)));
  const premierCentre = listeCentres.data?.items[0]?.code ?? '';
  const premiereCommission = listeCommissions.data?.items[0]?.code ?? '';

  return (
    <Form noValidate aria-label={compte ? 'Modifier le compte' : 'Créer le compte'} onSubmit={envoyer}>
      <Probleme erreur={erreur} />
      {modification.isSuccess && <Succes>Compte enregistré : ses sessions voient ses nouveaux droits dès leur prochaine demande.</Succes>}
      <Section titre="Identité">
        <Row>
          {!compte && (
            <Col md={6}>
              <ChampGestion nom="login" libelle="Login" aide="Aussi son login CAS." autoComplete="off" erreur={erreur} required />
            </Col>
          )}
          <Col md={6}>
            <ChampGestion nom="email" libelle="Adresse e-mail" type="email" defaultValue={compte?.email} erreur={erreur} required />
          </Col>
          <Col md={6}>
            <ChampGestion nom="prenom" libelle="Prénom" defaultValue={compte?.prenom} erreur={erreur} required />
          </Col>
          <Col md={6}>
            <ChampGestion nom="nom" libelle="Nom" defaultValue={compte?.nom} erreur={erreur} required />
          </Col>
        </Row>
      </Section>
      <Section titre="Connexion">
        <fieldset className="mb-3">
          <legend className="fs-6">Mode de connexion</legend>
          <Form.Check type="radio" id={`${id}-mdp`} name="connexion" label="Mot de passe de la plateforme (ou CAS)" checked={!casSeulement} onChange={() => setCasSeulement(false)} />
          <Form.Check type="radio" id={`${id}-cas`} name="connexion" label="CAS seulement, sans mot de passe" checked={casSeulement} onChange={() => setCasSeulement(true)} />
        </fieldset>
        {!casSeulement && (
          <ChampGestion
            nom="password"
            libelle={compte ? 'Nouveau mot de passe' : 'Mot de passe'}
            type="password"
            autoComplete="new-password"
            aide={compte ? 'Vide : inchangé. Un nouveau mot de passe ferme les sessions du compte.' : 'De 12 à 128 caractères.'}
            erreur={erreur}
            required={!compte}
          />
        )}
      </Section>
      <Section titre="Rôles et périmètre">
        <Groupe legende="Rôles" champ="roles" erreur={erreur}>
          {(Object.keys(ROLES) as RolePersonnel[]).map((r) => (
            <Form.Check
              key={r}
              id={`${id}-role-${r}`}
              label={ROLES[r]}
              checked={roles.includes(r)}
              disabled={!attribuables.includes(r)}
              onChange={(e) => setRoles(e.currentTarget.checked ? [...roles, r] : roles.filter((x) => x !== r))}
            />
          ))}
        </Groupe>
        {gestionnaire && (
          <Groupe legende="Centres gérés (gestionnaire)" champ="centres" erreur={erreur}>
            {centres.length === 0 && <p>Aucun centre : le gestionnaire ne voit aucune candidature.</p>}
            {centres.map((c, i) => (
              <div key={i} className="border rounded p-2 mb-2">
                <Stack direction="horizontal" gap={3} className="flex-wrap align-items-end">
                  <Form.Group controlId={`${id}-centre-${i}`}>
                    <Form.Label>Centre {i + 1}</Form.Label>
                    <Form.Select value={c.code} onChange={(e) => changerCentre(i, { code: e.currentTarget.value, commissions: [] })}>
                      {(listeCentres.data?.items ?? []).map((x) => (
                        <option key={x.code} value={x.code}>
                          {x.code} · {x.libelle}
                        </option>
                      ))}
                    </Form.Select>
                  </Form.Group>
                  <Button variant="outline-danger" size="sm" onClick={() => setCentres(centres.filter((_, j) => j !== i))}>
                    Retirer le centre {c.code}
                  </Button>
                </Stack>
                <Form.Check type="radio" id={`${id}-centre-${i}-tout`} name={`centre-${i}-etendue`} label="Tout le centre, ses futures commissions comprises" checked={c.tout} onChange={() => changerCentre(i, { tout: true })} />
                <Form.Check type="radio" id={`${id}-centre-${i}-partie`} name={`centre-${i}-etendue`} label="Seulement certaines commissions" checked={!c.tout} onChange={() => changerCentre(i, { tout: false })} />
                {!c.tout && (
                  <div className="ms-4">
                    {commissionsDe(c.code).map((k) => (
                      <Form.Check
                        key={k.code}
                        id={`${id}-centre-${i}-${k.code}`}
                        label={`${k.code} · ${k.libelle}`}
                        checked={c.commissions.includes(k.code)}
                        onChange={(e) => changerCentre(i, { commissions: e.currentTarget.checked ? [...c.commissions, k.code] : c.commissions.filter((x) => x !== k.code) })}
                      />
                    ))}
                  </div>
                )}
              </div>
            ))}
            <Button variant="outline-primary" size="sm" disabled={!premierCentre} onClick={() => setCentres([...centres, { code: premierCentre, tout: true, commissions: [] }])}>
              Ajouter un centre
            </Button>
          </Groupe>
        )}
        {membreCommission && (
          <Groupe legende="Commissions (membre)" champ="commissions" erreur={erreur}>
            {membre.length === 0 && <p>Aucune commission.</p>}
            {membre.map((m, i) => (
              <Stack key={i} direction="horizontal" gap={3} className="flex-wrap align-items-end border rounded p-2 mb-2">
                <Form.Group controlId={`${id}-commission-${i}`}>
                  <Form.Label>Commission {i + 1}</Form.Label>
                  <Form.Select value={m.code} onChange={(e) => changerMembre(i, { code: e.currentTarget.value })}>
                    {(listeCommissions.data?.items ?? []).map((x) => (
                      <option key={x.code} value={x.code}>
                        {x.code} · {x.libelle}
                      </option>
                    ))}
                  </Form.Select>
                </Form.Group>
                <Form.Check id={`${id}-president-${i}`} label="Président de la commission" checked={m.president} onChange={(e) => changerMembre(i, { president: e.currentTarget.checked })} />
                <Button variant="outline-danger" size="sm" onClick={() => setMembre(membre.filter((_, j) => j !== i))}>
                  Retirer la commission {m.code}
                </Button>
              </Stack>
            ))}
            <Button variant="outline-primary" size="sm" disabled={!premiereCommission} onClick={() => setMembre([...membre, { code: premiereCommission, president: false }])}>
              Ajouter une commission
            </Button>
          </Groupe>
        )}
      </Section>
      <Button type="submit" className="mb-4" disabled={creation.isPending || modification.isPending}>
        {compte ? 'Enregistrer le compte' : 'Créer le compte'}
      </Button>
    </Form>
  );
}

/** Deactivating ends the account's sessions at once; reactivating lets it log in again. */
function EtatDuCompte({ compte }: { compte: Utilisateur }) {
  const etat = $api.useMutation('put', '/api/admin/utilisateurs/{id}', { onSuccess: () => void recharger() });
  const { email, nom, prenom, roles, centres, commissions } = compte;
  const basculer = () =>
    etat.mutate({
      params: { path: { id: compte.id }, ...siVersion(compte.version) },
      body: {
        email,
        nom,
        prenom,
        roles: roles as RolePersonnel[],
        centres: centres.map((c) => (c.commissions ? { code: c.code, commissions: c.commissions } : { code: c.code })),
        commissions,
        actif: !compte.actif,
      },
    });
  return (
    <Section titre="État du compte">
      <p>
        {compte.actif ? <Badge bg="success">actif</Badge> : <Badge bg="secondary">désactivé</Badge>} · créé le {dateLisible(compte.createdAt)}
      </p>
      <Probleme erreur={etat.error} />
      <Button variant={compte.actif ? 'outline-danger' : 'outline-primary'} disabled={etat.isPending} onClick={basculer}>
        {compte.actif ? 'Désactiver le compte (ses sessions sont fermées)' : 'Réactiver le compte'}
      </Button>
    </Section>
  );
}

function Historique({ id }: { id: number }) {
  const [page, setPage] = useState(1);
  const historique = $api.useQuery('get', '/api/admin/utilisateurs/{id}/habilitations', { params: { path: { id }, query: { page, limit: 20 } } });
  return (
    <Section titre="Historique des habilitations">
      <Probleme erreur={historique.error} />
      {historique.data && (
        <>
          <Table responsive size="sm">
            <caption className="visually-hidden">Attributions et retraits, les plus récents en premier</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Changement</th>
                <th scope="col">Par</th>
              </tr>
            </thead>
            <tbody>
              {historique.data.items.map((h) => (
                <tr key={h.id}>
                  <td>{horodatage(h.date)}</td>
                  <td>{habilitationLisible(h)}</td>
                  <td>{h.auteur?.login ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination page={page} limit={20} total={historique.data.total} libelle="Pages de l’historique" onPage={setPage} />
        </>
      )}
    </Section>
  );
}
