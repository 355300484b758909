import { useEffect, useRef, useState } from 'react';
import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import { Link, Navigate } from 'react-router';
import { $api, queryClient } from '../commun/api';
import { Champ, valeurs } from '../commun/Champ';
import { useTextes } from '../commun/langue';
import { Page } from '../commun/Page';
import { Probleme, Succes } from '../commun/Probleme';
import { session as sessions, useSession } from '../commun/session';
import { TEXTES_COMPTES } from './textes';

/**
 * « Mon compte »: the numéro de dossier and e-mail, the password change (PUT /api/comptes/moi/mot-de-passe: the current
 * one, the new one twice; the other sessions are closed) and the e-mail change (PUT /api/comptes/moi/email: a link to
 * the new address; the same answer whether or not another account has it; every session closed until the link is
 * followed, so this tab forgets its session and says what comes next).
 */
export default function MonCompte() {
  const t = useTextes(TEXTES_COMPTES);
  const ouverte = useSession();
  const motDePasse = useRef<HTMLFormElement>(null);
  const changementMotDePasse = $api.useMutation('put', '/api/comptes/moi/mot-de-passe', { onSuccess: () => motDePasse.current?.reset() });
  const [demandeEmail, setDemandeEmail] = useState<{ email: string; numero: string } | null>(null);
  const changementEmail = $api.useMutation('put', '/api/comptes/moi/email', {
    onSuccess: (_, { body }) => setDemandeEmail({ email: body.email, numero: ouverte?.me.login ?? '' }),
  });
  // The API closed every session of the account, this one too: forgotten here once the answer is on screen.
  useEffect(() => {
    if (!demandeEmail) return;
    sessions.fermer();
    queryClient.removeQueries();
  }, [demandeEmail]);

  if (demandeEmail) {
    return (
      <Page titre={t.emailDemandeTitre}>
        <Succes>{t.emailDemande(demandeEmail.email)}</Succes>
        <p>{t.emailDemandeSuite(demandeEmail.numero)}</p>
        <Link to="/connexion">{t.retourConnexion}</Link>
      </Page>
    );
  }
  if (ouverte?.me.kind !== 'candidat') return <Navigate to="/connexion?retour=%2Fmon-compte" replace />;
  const me = ouverte.me;

  return (
    <Page titre={t.monCompteTitre}>
      <dl className="row">
        <dt className="col-sm-4">{t.numeroDossier}</dt>
        <dd className="col-sm-8">{me.login}</dd>
        <dt className="col-sm-4">{t.adresseActuelle}</dt>
        <dd className="col-sm-8">{me.email}</dd>
      </dl>
      <p>{t.langueAilleurs}</p>

      <section aria-labelledby="titre-mot-de-passe" className="mt-4">
        <h2 id="titre-mot-de-passe" className="h4">
          {t.changerMotDePasse}
        </h2>
        {changementMotDePasse.isSuccess && <Succes>{t.motDePasseModifie}</Succes>}
        <Probleme erreur={changementMotDePasse.error} />
        <Form
          ref={motDePasse}
          noValidate
          aria-label={t.changerMotDePasse}
          onSubmit={(e) => {
            const v = valeurs(e);
            changementMotDePasse.mutate({ body: { ancienPassword: v.ancienPassword, password: v.password, passwordConfirmation: v.passwordConfirmation } });
          }}
        >
          <Champ nom="ancienPassword" libelle={t.ancienPassword} type="password" autoComplete="current-password" erreur={changementMotDePasse.error} />
          <Champ nom="password" libelle={t.nouveauPassword} type="password" autoComplete="new-password" aide={t.aidePassword} erreur={changementMotDePasse.error} />
          <Champ nom="passwordConfirmation" libelle={t.nouveauPasswordConfirmation} type="password" autoComplete="new-password" erreur={changementMotDePasse.error} />
          <Button type="submit" disabled={changementMotDePasse.isPending}>
            {t.changerMonMotDePasse}
          </Button>
        </Form>
      </section>

      <section aria-labelledby="titre-email" className="mt-5">
        <h2 id="titre-email" className="h4">
          {t.changerEmail}
        </h2>
        <p>{t.changementEmailExplication}</p>
        <Probleme erreur={changementEmail.error} />
        <Form
          noValidate
          aria-label={t.changerEmail}
          onSubmit={(e) => {
            const v = valeurs(e);
            changementEmail.mutate({ body: { email: v.email, emailConfirmation: v.emailConfirmation, password: v.password } });
          }}
        >
          <Champ nom="email" libelle={t.nouvelEmail} type="email" autoComplete="email" erreur={changementEmail.error} />
          <Champ nom="emailConfirmation" libelle={t.nouvelEmailConfirmation} type="email" autoComplete="email" erreur={changementEmail.error} />
          <Champ nom="password" libelle={t.ancienPassword} type="password" autoComplete="current-password" erreur={changementEmail.error} />
          <Button type="submit" disabled={changementEmail.isPending}>
            {t.changerMonEmail}
          </Button>
        </Form>
      </section>
    </Page>
  );
}
