/** Names and labels the generator draws from, so that snapshots read like real exports. */
export const LAST_NAMES = [
  'MARTIN', 'BERNARD', 'DUBOIS', 'THOMAS', 'ROBERT', 'RICHARD', 'PETIT', 'DURAND', 'LEROY', 'MOREAU',
  'SIMON', 'LAURENT', 'LEFÈVRE', 'MICHEL', 'GARCIA', 'DAVID', 'BERTRAND', 'ROUX', 'VINCENT', 'FOURNIER',
  'MOREL', 'GIRARD', 'ANDRÉ', 'LEFEBVRE', 'MERCIER', 'DUPONT', 'LAMBERT', 'BONNET', 'FRANÇOIS', 'MARTINEZ',
  'LEGRAND', 'GARNIER', 'FAURE', 'ROUSSEAU', 'BLANC', 'GUÉRIN', 'MULLER', 'HENRY', 'ROUSSEL', 'NICOLAS',
  'PERRIN', 'MORIN', 'MATHIEU', 'CLÉMENT', 'GAUTHIER', 'DUMONT', 'LOPEZ', 'FONTAINE', 'CHEVALIER', 'ROBIN',
  'NGUYEN', 'HUYGEN', 'DELATTRE', 'VANDENBERGHE', 'DEBAISIEUX', 'WATREMEZ', 'BEN SAÏD', 'HADDAD', 'DIALLO', 'KOWALSKI',
];

export const FIRST_NAMES = [
  'Claire', 'Marc', 'Inès', 'Linh', 'Paul', 'Sandrine', 'Karim', 'Corynne', 'Élodie', 'Julien',
  'Nathalie', 'Sébastien', 'Isabelle', 'Nicolas', 'Sophie', 'Thierry', 'Céline', 'Frédéric', 'Aurélie', 'Jérôme',
  'Émilie', 'Christophe', 'Camille', 'Mehdi', 'Fatima', 'Hélène', 'Grégory', 'Valérie', 'Stéphane', 'Zoé',
  'Léa', 'Hugo', 'Chloé', 'Lucas', 'Anaïs', 'Yannick', 'Géraldine', 'Benoît', 'Maëlle', 'Noël',
];

export const TOWNS = [
  ['59157', 'Beauvois-en-Cambrésis'], ['59360', 'Le Cateau-Cambrésis'], ['59540', 'Caudry'], ['59400', 'Cambrai'],
  ['59000', 'Lille'], ['59100', 'Roubaix'], ['59200', 'Tourcoing'], ['59300', 'Valenciennes'], ['59140', 'Dunkerque'],
  ['59500', 'Douai'], ['59600', 'Maubeuge'], ['59190', 'Hazebrouck'], ['59230', "Saint-Amand-les-Eaux"], ['59280', 'Armentières'],
] as const;

export const STREETS = [
  'rue Victor Watremez', 'place de la Mairie', 'rue Jean Jaurès', 'avenue de la République', 'rue du Général de Gaulle',
  "rue de l'Église", 'boulevard Faidherbe', 'rue Pasteur', 'rue des Écoles', 'chemin des Près',
];

export const SITE_KINDS = ['Pôle petite enfance', 'Centre social', 'Mairie annexe', 'Maison de quartier', 'Espace enfance jeunesse', 'Siège'];

export const FACILITY_KINDS = [
  'Multi-accueil', 'Crèche familiale', 'Relais petite enfance', 'Accueil de loisirs', 'Lieu accueil enfants-parents',
  'Micro-crèche', 'Accueil périscolaire', 'Ludothèque', 'Foyer de jeunes',
];

export const FACILITY_NICKNAMES = ['Les Lutins', 'Les Petits Loups', 'Les Colibris', 'Arc-en-ciel', 'Les Pitchouns', 'La Ribambelle', 'Les Câlins', 'Pom\'Cannelle'];

/** Job titles by the profile the person mostly holds. */
export const FUNCTIONS = {
  D1: ["Directrice de crèche", 'Directeur ALSH', 'Animatrice RPE', 'Agent administratif'],
  D2: ['Comptable', 'Gestionnaire financier', 'Responsable finances'],
  D3: ['Coordinatrice enfance jeunesse', 'Responsable service enfance', 'Directrice petite enfance'],
  D4: ['Chargé de mission CTG', 'Élu délégué', 'Contrôleur de gestion'],
} as const;
