import Button from 'react-bootstrap/Button';
import Form from 'react-bootstrap/Form';
import { Link } from 'react-router';
import { $api } from '../commun/api';
import { Champ, valeurs } from '../commun/Champ';
import { Page } from '../commun/Page';
import { Probleme, Succes } from '../commun/Probleme';

/** POST /api/comptes: the same answer whether or not the address has an account; the mail says what comes next. */
export default function CreationCompte() {
  const creation = $api.useMutation('post', '/api/comptes');
  if (creation.data) {
    return (
      <Page titre="Compte créé : activez-le">
        <Succes>{creation.data.message}</Succes>
        <p>Ouvrez le mail reçu et suivez son lien pour activer votre compte : il vous donnera votre numéro de dossier.</p>
        <p>
          Rien reçu ? <Link to="/comptes/activation/renvoi">Demander un nouveau lien d’activation</Link>.
        </p>
      </Page>
    );
  }
  return (
    <Page titre="Créer un compte">
      <p>Tous les champs marqués d’un astérisque (*) sont obligatoires.</p>
      <Probleme erreur={creation.error} />
      <Form
        noValidate
        aria-label="Création de compte"
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
        <Champ nom="nom" libelle="Nom" autoComplete="family-name" erreur={creation.error} />
        <Champ nom="prenom" libelle="Prénom" autoComplete="given-name" erreur={creation.error} />
        <Champ nom="email" libelle="Adresse e-mail" type="email" autoComplete="email" erreur={creation.error} />
        <Champ nom="emailConfirmation" libelle="Adresse e-mail (confirmation)" type="email" autoComplete="email" erreur={creation.error} />
        <Champ nom="password" libelle="Mot de passe" type="password" autoComplete="new-password" aide="De 12 à 128 caractères : une phrase de passe est idéale." erreur={creation.error} />
        <Champ nom="passwordConfirmation" libelle="Mot de passe (confirmation)" type="password" autoComplete="new-password" erreur={creation.error} />
        <Form.Group className="mb-3" controlId="langue">
          <Form.Label>Langue des mails et des lettres</Form.Label>
          <Form.Select name="langue" defaultValue="fr">
            <option value="fr">Français</option>
            <option value="en">English</option>
          </Form.Select>
        </Form.Group>
        <Button type="submit" disabled={creation.isPending}>
          Créer mon compte
        </Button>
      </Form>
    </Page>
  );
}
