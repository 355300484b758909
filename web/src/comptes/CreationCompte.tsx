import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import { Link } from 'react-router';
import { $api } from '../commun/api';
import { useLangue, useTextes } from '../commun/langue';
import { Champ, valeurs } from '../commun/Champ';
import { Page } from '../commun/Page';
import { Probleme, Succes } from '../commun/Probleme';
import { TEXTES_COMMUNS } from '../commun/textes';
import { TEXTES_COMPTES } from './textes';

/** POST /api/comptes: the same answer whether or not the address has an account; the mail says what comes next. */
export default function CreationCompte() {
  const creation = $api.useMutation('post', '/api/comptes');
  const t = useTextes(TEXTES_COMPTES);
  const communs = useTextes(TEXTES_COMMUNS);
  const langue = useLangue();
  if (creation.data) {
    return (
      <Page titre={t.creeTitre}>
        <Succes>{t.creeMessage(creation.data.message)}</Succes>
        <p>{t.ouvrezMail}</p>
        <p>
          {t.rienRecu} <Link to="/comptes/activation/renvoi">{t.demanderLienActivation}</Link>.
        </p>
      </Page>
    );
  }
  return (
    <Page titre={t.creationTitre}>
      <p>{communs.obligatoires}</p>
      <Probleme erreur={creation.error} />
      <Form
        noValidate
        aria-label={t.creationFormulaire}
        onSubmit={(e) => {
          const v = valeurs(e);
          creation.mutate({
            body: {
              nom: v.nom,
              prenom: v.prenom,
              email: v.email,
              emailConfirmation: v.emailConfirmation,
              password: v.password,
              passwordConfirmation: v.passwordConfirmation,
              langue: v.langue === 'en' ? 'en' : 'fr',
            },
          });
        }}
      >
        <Champ nom="nom" libelle={t.nom} autoComplete="family-name" erreur={creation.error} />
        <Champ nom="prenom" libelle={t.prenom} autoComplete="given-name" erreur={creation.error} />
        <Champ nom="email" libelle={t.email} type="email" autoComplete="email" erreur={creation.error} />
        <Champ nom="emailConfirmation" libelle={t.emailConfirmation} type="email" autoComplete="email" erreur={creation.error} />
        <Champ nom="password" libelle={t.password} type="password" autoComplete="new-password" aide={t.aidePassword} erreur={creation.error} />
        <Champ nom="passwordConfirmation" libelle={t.passwordConfirmation} type="password" autoComplete="new-password" erreur={creation.error} />
        <Form.Group className="mb-3" controlId="langue">
          <Form.Label>{t.langueMails}</Form.Label>
          <Form.Select name="langue" defaultValue={langue}>
            <option value="fr" lang="fr">
              Français
            </option>
            <option value="en" lang="en">
              English
            </option>
          </Form.Select>
        </Form.Group>
        <Button type="submit" disabled={creation.isPending}>
          {t.creerMonCompte}
        </Button>
      </Form>
    </Page>
  );
}
