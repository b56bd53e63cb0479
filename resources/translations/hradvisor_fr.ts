<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Changer la phrase secrète</translation>
    </message>
    <message>
        <source>Your recovery shares keep working: they hold the data key, not the passphrase.</source>
        <translation>Vos parts de récupération restent valables : elles contiennent la clé des données, pas la phrase secrète.</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Phrase secrète actuelle</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nouvelle phrase secrète</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Répétez la nouvelle phrase secrète</translation>
    </message>
    <message>
        <source>Type your current passphrase.</source>
        <translation>Saisissez votre phrase secrète actuelle.</translation>
    </message>
    <message>
        <source>Type a new passphrase.</source>
        <translation>Saisissez une nouvelle phrase secrète.</translation>
    </message>
    <message>
        <source>The two new passphrases differ.</source>
        <translation>Les deux nouvelles phrases secrètes diffèrent.</translation>
    </message>
    <message>
        <source>The new passphrase is the current one.</source>
        <translation>La nouvelle phrase secrète est identique à l’actuelle.</translation>
    </message>
    <message>
        <source>The new passphrase is too weak: it could be guessed. Use five or more random words.</source>
        <translation>La nouvelle phrase secrète est trop faible : elle pourrait être devinée. Utilisez au moins cinq mots choisis au hasard.</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>Changement de la phrase secrète…</translation>
    </message>
</context>
<context>
    <name>CreateVaultScreen</name>
    <message>
        <source>Create your vault</source>
        <translation>Créer votre coffre</translation>
    </message>
    <message>
        <source>Everything you record is encrypted with this passphrase. Nobody can reset it: choose five or more random words you can remember.</source>
        <translation>Tout ce que vous enregistrez est chiffré avec cette phrase secrète. Personne ne peut la réinitialiser : choisissez au moins cinq mots au hasard dont vous vous souviendrez.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Répétez la phrase secrète</translation>
    </message>
    <message>
        <source>Allow a weak passphrase (not recommended)</source>
        <translation>Autoriser une phrase secrète faible (déconseillé)</translation>
    </message>
    <message>
        <source>Allow a weak passphrase</source>
        <translation>Autoriser une phrase secrète faible</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>Créer le coffre</translation>
    </message>
    <message>
        <source>Your vault is ready</source>
        <translation>Votre coffre est prêt</translation>
    </message>
    <message>
        <source>If you forget the passphrase, two of three recovery shares can open the vault. Write them on paper now and keep them in different safe places — or skip this and create them later from Settings.</source>
        <translation>Si vous oubliez la phrase secrète, deux des trois parts de récupération peuvent ouvrir le coffre. Écrivez-les maintenant sur papier et gardez-les dans des lieux sûrs différents — ou passez cette étape et créez-les plus tard depuis les Paramètres.</translation>
    </message>
    <message>
        <source>Show recovery shares…</source>
        <translation>Afficher les parts de récupération…</translation>
    </message>
    <message>
        <source>Show recovery shares</source>
        <translation>Afficher les parts de récupération</translation>
    </message>
    <message>
        <source>Open the vault</source>
        <translation>Ouvrir le coffre</translation>
    </message>
    <message>
        <source>Type a passphrase.</source>
        <translation>Saisissez une phrase secrète.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes diffèrent.</translation>
    </message>
    <message>
        <source>This passphrase is too weak: it could be guessed. Use five or more random words, or tick “Allow a weak passphrase”.</source>
        <translation>Cette phrase secrète est trop faible : elle pourrait être devinée. Utilisez au moins cinq mots au hasard, ou cochez « Autoriser une phrase secrète faible ».</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Création…</translation>
    </message>
</context>
<context>
    <name>IncidentList</name>
    <message>
        <source>Any</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Période du</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Période au</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Toutes les zones</translation>
    </message>
    <message>
        <source>Violation</source>
        <translation>Violation</translation>
    </message>
    <message>
        <source>All violations</source>
        <translation>Toutes les violations</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Any verification</source>
        <translation>Toute vérification</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Sensibilité</translation>
    </message>
    <message>
        <source>Any sensitivity</source>
        <translation>Toute sensibilité</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Search incidents… (Ctrl+F)</source>
        <translation>Rechercher des incidents… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search incidents</source>
        <translation>Rechercher des incidents</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Select all incidents</source>
        <translation>Sélectionner tous les incidents</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message>
        <source>{count} incidents</source>
        <translation>{count} incidents</translation>
    </message>
    <message>
        <source>No incidents match — clear the filters.</source>
        <translation>Aucun incident ne correspond — effacez les filtres.</translation>
    </message>
    <message>
        <source>No incidents yet — add them with the command line for now.</source>
        <translation>Aucun incident pour l’instant — ajoutez-en avec la ligne de commande pour le moment.</translation>
    </message>
</context>
<context>
    <name>RecoverySharesDialog</name>
    <message>
        <source>Recovery shares</source>
        <translation>Parts de récupération</translation>
    </message>
    <message>
        <source>Anyone holding two of these shares can open your vault without the passphrase. Write each one on paper and keep them in different safe places. Do not photograph, email or save them on this computer.</source>
        <translation>Quiconque détient deux de ces parts peut ouvrir votre coffre sans la phrase secrète. Écrivez chacune sur papier et gardez-les dans des lieux sûrs différents. Ne les photographiez pas, ne les envoyez pas par courriel et ne les enregistrez pas sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Preparing shares…</source>
        <translation>Préparation des parts…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Any two of these three shares recover the vault.</source>
        <translation>Deux quelconques de ces trois parts permettent de récupérer le coffre.</translation>
    </message>
    <message>
        <source>Share {n} of {total}</source>
        <translation>Part {n} sur {total}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <source>As the system (English or French)</source>
        <translation>Comme le système (anglais ou français)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>Verrouiller après ce nombre de minutes d’inactivité</translation>
    </message>
    <message>
        <source>Takes effect when hradvisor next starts.</source>
        <translation>Prend effet au prochain démarrage de hradvisor.</translation>
    </message>
    <message>
        <source>Lock when idle for</source>
        <translation>Verrouiller après une inactivité de</translation>
    </message>
    <message>
        <source>This vault</source>
        <translation>Ce coffre</translation>
    </message>
    <message>
        <source>Folder: {path}</source>
        <translation>Dossier : {path}</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Changer la phrase secrète…</translation>
    </message>
    <message>
        <source>Change the vault passphrase</source>
        <translation>Changer la phrase secrète du coffre</translation>
    </message>
    <message>
        <source>New recovery shares…</source>
        <translation>Nouvelles parts de récupération…</translation>
    </message>
    <message>
        <source>Show new recovery shares</source>
        <translation>Afficher de nouvelles parts de récupération</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>The settings could not be saved: {reason}</source>
        <translation>Les paramètres n’ont pas pu être enregistrés : {reason}</translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation>La phrase secrète a été changée.</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Incidents with filters and search, and the incident editor.</source>
        <translation>Les incidents avec filtres et recherche, et l’éditeur d’incident.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Your working notes, linked to incidents and persons.</source>
        <translation>Vos notes de travail, liées aux incidents et aux personnes.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Trends, areas most affected and early-warning signals.</source>
        <translation>Tendances, zones les plus touchées et signaux d’alerte précoce.</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risques</translation>
    </message>
    <message>
        <source>The risk framework: indicators and how they are moving.</source>
        <translation>Le cadre d’analyse des risques : indicateurs et évolution.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <source>Summary analyses as PDF, and exports to CSV, JSON and HXL.</source>
        <translation>Analyses de synthèse en PDF, et exports CSV, JSON et HXL.</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Encrypted packages to headquarters, online or by USB.</source>
        <translation>Paquets chiffrés vers le siège, en ligne ou par clé USB.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Passphrase, recovery shares, auto-lock and language.</source>
        <translation>Phrase secrète, parts de récupération, verrouillage automatique et langue.</translation>
    </message>
    <message>
        <source>Vault unlocked · counting incidents…</source>
        <translation>Coffre déverrouillé · comptage des incidents…</translation>
    </message>
    <message>
        <source>Incident {title} ({id}) — the editor is not built yet.</source>
        <translation>Incident {title} ({id}) — l’éditeur n’existe pas encore.</translation>
    </message>
    <message>
        <source>hradvisor — {name}</source>
        <translation>hradvisor — {name}</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>Lock the vault (Ctrl+L)</source>
        <translation>Verrouiller le coffre (Ctrl+L)</translation>
    </message>
    <message>
        <source>Lock the vault (Ctrl+L). Panic lock: Ctrl+Shift+L</source>
        <translation>Verrouiller le coffre (Ctrl+L). Verrouillage d’urgence : Ctrl+Maj+L</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Vault unlocked · {count} incidents</source>
        <translation>Coffre déverrouillé · {count} incidents</translation>
    </message>
    <message>
        <source>Vault unlocked · incidents could not be counted: {why}</source>
        <translation>Coffre déverrouillé · les incidents n’ont pas pu être comptés : {why}</translation>
    </message>
    <message>
        <source>{purpose}
This section is not built yet in this version.</source>
        <translation>{purpose}
Cette section n’existe pas encore dans cette version.</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>Passphrase strength</source>
        <translation>Robustesse de la phrase secrète</translation>
    </message>
    <message>
        <source>Strength: type a passphrase.</source>
        <translation>Robustesse : saisissez une phrase secrète.</translation>
    </message>
    <message>
        <source>Strength: {score} of 4.</source>
        <translation>Robustesse : {score} sur 4.</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Unlock your vault</source>
        <translation>Déverrouiller votre coffre</translation>
    </message>
    <message>
        <source>Vault: {name}</source>
        <translation>Coffre : {name}</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Déverrouillage</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>This vault is older than the copy last used on this computer: an old backup was restored, or someone replaced the files. Anything recorded since that copy is not in it. Keep it only if you restored it yourself.</source>
        <translation>Ce coffre est plus ancien que la copie utilisée en dernier sur cet ordinateur : une ancienne sauvegarde a été restaurée, ou quelqu’un a remplacé les fichiers. Rien de ce qui a été enregistré depuis cette copie n’y figure. Ne le gardez que si vous l’avez restauré vous-même.</translation>
    </message>
    <message>
        <source>Keep this copy (accept)</source>
        <translation>Garder cette copie (accepter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>This is an older copy of the vault.</source>
        <translation>Ceci est une copie plus ancienne du coffre.</translation>
    </message>
    <message>
        <source>Too many failed attempts: wait {seconds} s, then try again.</source>
        <translation>Trop de tentatives échouées : attendez {seconds} s, puis réessayez.</translation>
    </message>
</context>
<context>
    <name>workers</name>
    <message>
        <source>input/output error</source>
        <translation>erreur d’entrée/sortie</translation>
    </message>
    <message>
        <source>Unexpected error ({name}).</source>
        <translation>Erreur inattendue ({name}).</translation>
    </message>
</context>
</TS>
