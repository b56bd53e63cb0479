<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Attachments</name>
    <message>
        <source>{n} bytes</source>
        <translation>{n} octets</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Document PDF</translation>
    </message>
    <message>
        <source>{kind} image</source>
        <translation>Image {kind}</translation>
    </message>
    <message>
        <source>Audio ({kind})</source>
        <translation>Audio ({kind})</translation>
    </message>
    <message>
        <source>Video ({kind})</source>
        <translation>Vidéo ({kind})</translation>
    </message>
    <message>
        <source>Text ({kind})</source>
        <translation>Texte ({kind})</translation>
    </message>
    <message>
        <source>Nothing was stored.</source>
        <translation>Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>“{name}” is larger than the limit of {limit} for one file.</source>
        <translation>« {name} » dépasse la limite de {limit} par fichier.</translation>
    </message>
    <message>
        <source>“{name}” is no longer there: it was moved or deleted before it could be added.</source>
        <translation>« {name} » n’est plus là : il a été déplacé ou supprimé avant de pouvoir être ajouté.</translation>
    </message>
    <message>
        <source>“{name}” is a folder, not a file.</source>
        <translation>« {name} » est un dossier, pas un fichier.</translation>
    </message>
    <message>
        <source>“{name}” could not be read: {why}</source>
        <translation>« {name} » n’a pas pu être lu : {why}</translation>
    </message>
    <message>
        <source>“{name}” was not added: {why}</source>
        <translation>« {name} » n’a pas été ajouté : {why}</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Ajouter des fichiers…</translation>
    </message>
    <message>
        <source>Add files to this incident</source>
        <translation>Ajouter des fichiers à cet incident</translation>
    </message>
    <message>
        <source>Add photos, audio or documents (Ctrl+O)</source>
        <translation>Ajouter des photos, enregistrements ou documents (Ctrl+O)</translation>
    </message>
    <message>
        <source>E&amp;xport a copy…</source>
        <translation>E&amp;xporter une copie…</translation>
    </message>
    <message>
        <source>Export an unencrypted copy of the selected file</source>
        <translation>Exporter une copie non chiffrée du fichier sélectionné</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Delete the selected file</source>
        <translation>Supprimer le fichier sélectionné</translation>
    </message>
    <message>
        <source>Delete the selected file (Del)</source>
        <translation>Supprimer le fichier sélectionné (Suppr)</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Fichiers joints</translation>
    </message>
    <message>
        <source>Add files to the incident</source>
        <translation>Ajouter des fichiers à l’incident</translation>
    </message>
    <message>
        <source>All files (*);;Images (*.png *.jpg *.jpeg *.gif *.webp *.heic);;Audio (*.mp3 *.m4a *.ogg *.opus *.wav *.amr);;Documents (*.pdf *.doc *.docx *.txt)</source>
        <translation>Tous les fichiers (*);;Images (*.png *.jpg *.jpeg *.gif *.webp *.heic);;Audio (*.mp3 *.m4a *.ogg *.opus *.wav *.amr);;Documents (*.pdf *.doc *.docx *.txt)</translation>
    </message>
    <message>
        <source>Save the incident before adding files.</source>
        <translation>Enregistrez l’incident avant d’ajouter des fichiers.</translation>
    </message>
    <message>
        <source>Encrypting “{name}” into the vault…</source>
        <translation>Chiffrement de « {name} » dans le coffre…</translation>
    </message>
    <message>
        <source>The attachments could not be read: {why}</source>
        <translation>Les pièces jointes n’ont pas pu être lues : {why}</translation>
    </message>
    <message>
        <source>added {when}</source>
        <translation>ajouté {when}</translation>
    </message>
    <message>
        <source>Export an unencrypted copy?</source>
        <translation>Exporter une copie non chiffrée ?</translation>
    </message>
    <message>
        <source>The copy of “{name}” will be an ordinary, unencrypted file. Anyone who can reach that disk or folder can open it, and deleting it later may not erase it. Export only to a place you trust, and delete the copy when done.</source>
        <translation>La copie de « {name} » sera un fichier ordinaire, non chiffré. Toute personne ayant accès à ce disque ou à ce dossier pourra l’ouvrir, et la supprimer plus tard ne l’effacera peut-être pas. N’exportez que vers un endroit de confiance et supprimez la copie ensuite.</translation>
    </message>
    <message>
        <source>Export a copy of “{name}”</source>
        <translation>Exporter une copie de « {name} »</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>The copy was not written: {why}</source>
        <translation>La copie n’a pas été écrite : {why}</translation>
    </message>
    <message>
        <source>Exported an unencrypted copy to {path}.</source>
        <translation>Copie non chiffrée exportée vers {path}.</translation>
    </message>
    <message>
        <source>Delete this file?</source>
        <translation>Supprimer ce fichier ?</translation>
    </message>
    <message>
        <source>“{name}” will be removed from the incident and its encrypted copy destroyed. The history keeps only a note that it existed. This cannot be undone.</source>
        <translation>« {name} » sera retiré de l’incident et sa copie chiffrée détruite. L’historique ne garde qu’une mention de son existence. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>The file was not deleted: {why}</source>
        <translation>Le fichier n’a pas été supprimé : {why}</translation>
    </message>
    <message>
        <source>Files are encrypted in the vault. Drop files here or press Ctrl+O; up to {limit} per file.</source>
        <translation>Les fichiers sont chiffrés dans le coffre. Déposez des fichiers ici ou appuyez sur Ctrl+O ; jusqu’à {limit} par fichier.</translation>
    </message>
    <message>
        <source>Save the incident first, then add photos, audio or documents.</source>
        <translation>Enregistrez d’abord l’incident, puis ajoutez des photos, enregistrements ou documents.</translation>
    </message>
    <message>
        <source>No files yet — drop photos, recordings or documents here, or press Add files… (Ctrl+O).</source>
        <translation>Aucun fichier pour l’instant — déposez ici des photos, enregistrements ou documents, ou appuyez sur Ajouter des fichiers… (Ctrl+O).</translation>
    </message>
</context>
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
    <name>Dashboard</name>
    <message>
        <source>{arrow} {delta:,} (new)</source>
        <translation>{arrow} {delta:,} (nouveau)</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>Victimes</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>Tués</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <source>Comparing with the previous period…</source>
        <translation>Comparaison avec la période précédente…</translation>
    </message>
    <message>
        <source>{previous:,} incidents in the previous period</source>
        <translation>{previous:,} incidents dans la période précédente</translation>
    </message>
    <message>
        <source>Areas, by incidents</source>
        <translation>Zones, par nombre d’incidents</translation>
    </message>
    <message>
        <source>{count} other categories</source>
        <translation>{count} autres catégories</translation>
    </message>
    <message>
        <source>Trend of incidents and killed</source>
        <translation>Évolution des incidents et des tués</translation>
    </message>
    <message>
        <source>{label}: {incidents} incidents, {killed} killed</source>
        <translation>{label} : {incidents} incidents, {killed} tués</translation>
    </message>
    <message>
        <source>{label}: {incidents} incidents</source>
        <translation>{label} : {incidents} incidents</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Concern</source>
        <translation>Préoccupation</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Tendance</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Vérifiés</translation>
    </message>
    <message>
        <source>{arrow} new</source>
        <translation>{arrow} nouveau</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>sans changement</translation>
    </message>
    <message>
        <source>Principal concerns</source>
        <translation>Principales préoccupations</translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation>É&amp;pingler</translation>
    </message>
    <message>
        <source>Pin the concern to the top</source>
        <translation>Épingler la préoccupation en tête</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Masquer</translation>
    </message>
    <message>
        <source>Hide the concern</source>
        <translation>Masquer la préoccupation</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Mon&amp;ter</translation>
    </message>
    <message>
        <source>Move the concern up</source>
        <translation>Monter la préoccupation</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <source>Move the concern down</source>
        <translation>Descendre la préoccupation</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>Monter (Alt+Haut)</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>Descendre (Alt+Bas)</translation>
    </message>
    <message>
        <source>Show hidde&amp;n</source>
        <translation>Afficher les masqué&amp;es</translation>
    </message>
    <message>
        <source>Show hidden concerns</source>
        <translation>Afficher les préoccupations masquées</translation>
    </message>
    <message>
        <source>Show hidde&amp;n ({count})</source>
        <translation>Afficher les masqué&amp;es ({count})</translation>
    </message>
    <message>
        <source>{title} (pinned)</source>
        <translation>{title} (épinglée)</translation>
    </message>
    <message>
        <source>{title} (hidden)</source>
        <translation>{title} (masquée)</translation>
    </message>
    <message>
        <source>Un&amp;pin</source>
        <translation>Désé&amp;pingler</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>&amp;Montrer</translation>
    </message>
    <message>
        <source>Incidents and killed per week</source>
        <translation>Incidents et tués par semaine</translation>
    </message>
    <message>
        <source>Incidents and killed per month</source>
        <translation>Incidents et tués par mois</translation>
    </message>
    <message>
        <source>Incidents and killed per quarter</source>
        <translation>Incidents et tués par trimestre</translation>
    </message>
    <message>
        <source>Early-warning signals</source>
        <translation>Signaux d’alerte précoce</translation>
    </message>
    <message>
        <source>Incidents by violation</source>
        <translation>Incidents par violation</translation>
    </message>
    <message>
        <source>Incidents by alleged perpetrator</source>
        <translation>Incidents par auteur présumé</translation>
    </message>
    <message>
        <source>Incidents by victim group</source>
        <translation>Incidents par groupe de victimes</translation>
    </message>
    <message>
        <source>By alleged perpetrator</source>
        <translation>Par auteur présumé</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Zones</translation>
    </message>
    <message>
        <source>By violation</source>
        <translation>Par violation</translation>
    </message>
    <message>
        <source>By victim group</source>
        <translation>Par groupe de victimes</translation>
    </message>
    <message>
        <source>Show the last 12 months</source>
        <translation>Afficher les 12 derniers mois</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>Analyse en cours…</translation>
    </message>
    <message>
        <source>Comparing areas…</source>
        <translation>Comparaison des zones…</translation>
    </message>
    <message>
        <source>The dashboard could not be computed: {why}</source>
        <translation>Le tableau de bord n’a pas pu être calculé : {why}</translation>
    </message>
    <message>
        <source>on the previous {days} days</source>
        <translation>par rapport aux {days} jours précédents</translation>
    </message>
    <message>
        <source>Early-warning signals ({count})</source>
        <translation>Signaux d’alerte précoce ({count})</translation>
    </message>
    <message>
        <source>No signal in this period.</source>
        <translation>Aucun signal sur cette période.</translation>
    </message>
    <message>
        <source>all areas</source>
        <translation>toutes les zones</translation>
    </message>
    <message>
        <source>{start} to {end} · {where} · {incidents:,} incidents</source>
        <translation>Du {start} au {end} · {where} · {incidents:,} incidents</translation>
    </message>
    <message>
        <source> · {count:,} more with dates too imprecise to place in the period</source>
        <translation> · {count:,} autres aux dates trop imprécises pour les situer dans la période</translation>
    </message>
    <message>
        <source> · changes against the previous {days} days</source>
        <translation> · évolutions par rapport aux {days} jours précédents</translation>
    </message>
    <message>
        <source>Nothing to analyse yet</source>
        <translation>Rien à analyser pour l’instant</translation>
    </message>
    <message>
        <source>Once incidents are recorded, this page shows their trend, the areas most affected, early-warning signals and the principal concerns.</source>
        <translation>Dès que des incidents seront enregistrés, cette page montrera leur évolution, les zones les plus touchées, les signaux d’alerte précoce et les principales préoccupations.</translation>
    </message>
    <message>
        <source>No incidents in this period</source>
        <translation>Aucun incident sur cette période</translation>
    </message>
    <message>
        <source>No incident recorded from {start} to {end} in the areas chosen. Choose a longer period or all areas.</source>
        <translation>Aucun incident enregistré du {start} au {end} dans les zones choisies. Choisissez une période plus longue ou toutes les zones.</translation>
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
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Refresh the dashboard (F5)</source>
        <translation>Actualiser le tableau de bord (F5)</translation>
    </message>
    <message>
        <source>Analyse again (F5)</source>
        <translation>Analyser à nouveau (F5)</translation>
    </message>
    <message>
        <source>Analysing</source>
        <translation>Analyse en cours</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Last complete quarter</source>
        <translation>Dernier trimestre complet</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>12 derniers mois</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>Période personnalisée</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Toutes les zones</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Violation or group</source>
        <translation>Violation ou groupe</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>Semaines</translation>
    </message>
    <message>
        <source>Observed / expected</source>
        <translation>Observé / attendu</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Spike</source>
        <translation>Pic</translation>
    </message>
    <message>
        <source>New in the area</source>
        <translation>Nouveau dans la zone</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Escalade</translation>
    </message>
    <message>
        <source>Protected group</source>
        <translation>Groupe protégé</translation>
    </message>
    <message>
        <source>{observed} vs {expected}</source>
        <translation>{observed} contre {expected}</translation>
    </message>
    <message>
        <source>up</source>
        <translation>en hausse de</translation>
    </message>
    <message>
        <source>down</source>
        <translation>en baisse de</translation>
    </message>
    <message>
        <source>{arrow} {delta:,} (none before)</source>
        <translation>{arrow} {delta:,} (aucun avant)</translation>
    </message>
    <message>
        <source>{word} {delta:,}, none before</source>
        <translation>{word} {delta:,}, aucun avant</translation>
    </message>
    <message>
        <source>{arrow} {delta:,} ({percent:+d} %)</source>
        <translation>{arrow} {delta:,} ({percent:+d} %)</translation>
    </message>
    <message>
        <source>{word} {delta:,}, {percent} percent</source>
        <translation>{word} {delta:,}, soit {percent} pour cent</translation>
    </message>
    <message>
        <source>no comparison</source>
        <translation>pas de comparaison</translation>
    </message>
    <message>
        <source>{arrow} {points} points</source>
        <translation>{arrow} {points} points</translation>
    </message>
    <message>
        <source>{word} {points} points</source>
        <translation>{word} {points} points</translation>
    </message>
    <message>
        <source>Injured</source>
        <translation>Blessés</translation>
    </message>
    <message>
        <source>Detained, disappeared</source>
        <translation>Détenus, disparus</translation>
    </message>
    <message>
        <source>Victims in total</source>
        <translation>Total des victimes</translation>
    </message>
    <message>
        <source>Share verified</source>
        <translation>Part vérifiée</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>Enrol with headquarters</source>
        <translation>Inscription auprès du siège</translation>
    </message>
    <message>
        <source>HQ gives you its public bundle (a small file) and, separately, its fingerprint by phone or in person. Load the file, then compare.</source>
        <translation>Le siège vous remet son paquet public (un petit fichier) et, séparément, son empreinte par téléphone ou en personne. Chargez le fichier, puis comparez.</translation>
    </message>
    <message>
        <source>Load HQ bundle…</source>
        <translation>Charger le paquet du siège…</translation>
    </message>
    <message>
        <source>Load the HQ public bundle file</source>
        <translation>Charger le fichier du paquet public du siège</translation>
    </message>
    <message>
        <source>HQ fingerprint</source>
        <translation>Empreinte du siège</translation>
    </message>
    <message>
        <source>This fingerprint matches exactly the one HQ gave me</source>
        <translation>Cette empreinte correspond exactement à celle que le siège m’a donnée</translation>
    </message>
    <message>
        <source>field laptop</source>
        <translation>ordinateur de terrain</translation>
    </message>
    <message>
        <source>How HQ will see this device</source>
        <translation>Comment le siège verra cet appareil</translation>
    </message>
    <message>
        <source>HQ address</source>
        <translation>Adresse du siège</translation>
    </message>
    <message>
        <source>HQ certificate authority…</source>
        <translation>Autorité de certification du siège…</translation>
    </message>
    <message>
        <source>Load the certificate authority HQ&apos;s TLS chains to</source>
        <translation>Charger l’autorité de certification de la chaîne TLS du siège</translation>
    </message>
    <message>
        <source>system default</source>
        <translation>par défaut du système</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Nom de l’appareil</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Save request for USB…</source>
        <translation>Enregistrer la demande pour clé USB…</translation>
    </message>
    <message>
        <source>Save the enrollment request to a file</source>
        <translation>Enregistrer la demande d’inscription dans un fichier</translation>
    </message>
    <message>
        <source>Send to HQ</source>
        <translation>Envoyer au siège</translation>
    </message>
    <message>
        <source>Send the enrollment request to HQ</source>
        <translation>Envoyer la demande d’inscription au siège</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>HQ public bundle</source>
        <translation>Paquet public du siège</translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation>Autorité de certification</translation>
    </message>
    <message>
        <source>Save enrollment request</source>
        <translation>Enregistrer la demande d’inscription</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <source>The request was saved to {file}: carry it to HQ.</source>
        <translation>La demande a été enregistrée dans {file} : apportez-la au siège.</translation>
    </message>
    <message>
        <source>The request was sent to HQ.</source>
        <translation>La demande a été envoyée au siège.</translation>
    </message>
    <message>
        <source>HQ approves this device after checking its fingerprint with you: {fp}</source>
        <translation>Le siège approuve cet appareil après avoir vérifié son empreinte avec vous : {fp}</translation>
    </message>
</context>
<context>
    <name>FieldMessage</name>
    <message>
        <source>required</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>champ inconnu</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>doit être un objet</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>doit être une liste</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>doit être un texte</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>doit être un nombre</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>doit être un nombre entier</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to 6</source>
        <translation>doit être un nombre entier de 1 à 6</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>doit être vrai ou faux</translation>
    </message>
    <message>
        <source>must be ≥ 0</source>
        <translation>doit être ≥ 0</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>ne doit pas être vide</translation>
    </message>
    <message>
        <source>must not contain control characters</source>
        <translation>ne doit pas contenir de caractères de contrôle</translation>
    </message>
    <message>
        <source>must be valid Unicode text</source>
        <translation>doit être un texte Unicode valide</translation>
    </message>
    <message>
        <source>listed twice</source>
        <translation>figure deux fois</translation>
    </message>
    <message>
        <source>factor listed twice</source>
        <translation>facteur indiqué deux fois</translation>
    </message>
    <message>
        <source>must not be in the future</source>
        <translation>ne doit pas être dans le futur</translation>
    </message>
    <message>
        <source>must not be before date</source>
        <translation>ne doit pas précéder la date</translation>
    </message>
    <message>
        <source>must not be before period_start</source>
        <translation>ne doit pas précéder le début de la période</translation>
    </message>
    <message>
        <source>must differ from date (leave it empty for a single date)</source>
        <translation>doit différer de la date (laissez vide pour une date unique)</translation>
    </message>
    <message>
        <source>must list at least one violation</source>
        <translation>doit indiquer au moins une violation</translation>
    </message>
    <message>
        <source>must be one of day, month, year</source>
        <translation>doit être jour, mois ou année</translation>
    </message>
    <message>
        <source>is not a real calendar date</source>
        <translation>n&apos;est pas une date réelle du calendrier</translation>
    </message>
    <message>
        <source>must be a real date written YYYY-MM-DD</source>
        <translation>doit être une date réelle écrite AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>must be a real date written YYYY-MM-DD, in 1900 or later</source>
        <translation>doit être une date réelle écrite AAAA-MM-JJ, en 1900 ou après</translation>
    </message>
    <message>
        <source>must be a past or present date written YYYY-MM-DD</source>
        <translation>doit être une date passée ou présente écrite AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>must be a UTC time written YYYY-MM-DDTHH:MM:SSZ</source>
        <translation>doit être une heure UTC écrite AAAA-MM-JJTHH:MM:SSZ</translation>
    </message>
    <message>
        <source>must be a lower-case UUID</source>
        <translation>doit être un UUID en minuscules</translation>
    </message>
    <message>
        <source>must be 64 lower-case hex digits</source>
        <translation>doit compter 64 chiffres hexadécimaux en minuscules</translation>
    </message>
    <message>
        <source>must be an ISO 3166-1 alpha-2 code (or XA–XZ for fictional data)</source>
        <translation>doit être un code ISO 3166-1 alpha-2 (ou XA–XZ pour des données fictives)</translation>
    </message>
    <message>
        <source>must be an area code of the country (ISO 3166-2, or XA-01 style)</source>
        <translation>doit être un code de zone du pays (ISO 3166-2, ou de la forme XA-01)</translation>
    </message>
    <message>
        <source>must be a first-level area code of the country</source>
        <translation>doit être un code de zone de premier niveau du pays</translation>
    </message>
    <message>
        <source>must be a first-level area code of the report&apos;s country</source>
        <translation>doit être un code de zone de premier niveau du pays du rapport</translation>
    </message>
    <message>
        <source>give both lat and lon, or neither</source>
        <translation>indiquez la latitude et la longitude, ou aucune des deux</translation>
    </message>
    <message>
        <source>must look like V-0042 (1–4 capital letters, a dash, digits)</source>
        <translation>doit avoir la forme V-0042 (1 à 4 majuscules, un tiret, des chiffres)</translation>
    </message>
    <message>
        <source>must be one of the risk framework&apos;s factor codes</source>
        <translation>doit être l&apos;un des codes de facteur du cadre d&apos;analyse</translation>
    </message>
    <message>
        <source>an item cannot be both pinned and hidden</source>
        <translation>un élément ne peut pas être à la fois épinglé et masqué</translation>
    </message>
    <message>
        <source>a report for the public must be unclassified</source>
        <translation>un rapport destiné au public doit être non classifié</translation>
    </message>
    <message>
        <source>an unclassified report never gives exact places</source>
        <translation>un rapport non classifié ne donne jamais de lieux exacts</translation>
    </message>
    <message>
        <source>YYYY</source>
        <translation>AAAA</translation>
    </message>
    <message>
        <source>MM</source>
        <translation>MM</translation>
    </message>
    <message>
        <source>DD</source>
        <translation>JJ</translation>
    </message>
    <message>
        <source>violations</source>
        <translation>violations</translation>
    </message>
    <message>
        <source>perpetrators</source>
        <translation>auteurs</translation>
    </message>
    <message>
        <source>victim groups</source>
        <translation>groupes de victimes</translation>
    </message>
    <message>
        <source>rights</source>
        <translation>droits</translation>
    </message>
    <message>
        <source>outcomes</source>
        <translation>conséquences</translation>
    </message>
    <message>
        <source>sex and age</source>
        <translation>sexe et âge</translation>
    </message>
    <message>
        <source>source types</source>
        <translation>types de source</translation>
    </message>
    <message>
        <source>reliability</source>
        <translation>fiabilité</translation>
    </message>
    <message>
        <source>credibility</source>
        <translation>crédibilité</translation>
    </message>
    <message>
        <source>verification</source>
        <translation>vérification</translation>
    </message>
    <message>
        <source>sensitivity</source>
        <translation>sensibilité</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>consentement</translation>
    </message>
    <message>
        <source>date precisions</source>
        <translation>précisions de date</translation>
    </message>
    <message>
        <source>must be at most {n} characters</source>
        <translation>doit compter au plus {n} caractères</translation>
    </message>
    <message>
        <source>must have at most {n} items</source>
        <translation>doit compter au plus {n} éléments</translation>
    </message>
    <message>
        <source>must be ≤ {n}</source>
        <translation>doit être ≤ {n}</translation>
    </message>
    <message>
        <source>must be between {low} and {high}</source>
        <translation>doit être compris entre {low} et {high}</translation>
    </message>
    <message>
        <source>must be in {year} or later</source>
        <translation>doit être en {year} ou après</translation>
    </message>
    <message>
        <source>must be a date written {format}</source>
        <translation>doit être une date écrite {format}</translation>
    </message>
    <message>
        <source>must be written {format}</source>
        <translation>doit être écrite {format}</translation>
    </message>
    <message>
        <source>must be one of the {list} codes</source>
        <translation>doit être un des codes de la liste « {list} »</translation>
    </message>
    <message>
        <source>must be one of the indicators of factor {code}</source>
        <translation>doit être l&apos;un des indicateurs du facteur {code}</translation>
    </message>
    <message>
        <source>must be one of {values}</source>
        <translation>doit être l&apos;une des valeurs : {values}</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Save the incident to start its history.</source>
        <translation>Enregistrez l’incident pour commencer son historique.</translation>
    </message>
    <message>
        <source>Versions, newest first</source>
        <translation>Versions, de la plus récente à la plus ancienne</translation>
    </message>
    <message>
        <source>Changes in this version</source>
        <translation>Modifications de cette version</translation>
    </message>
    <message>
        <source>&amp;Restore this version…</source>
        <translation>&amp;Rétablir cette version…</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Rétablir cette version</translation>
    </message>
    <message>
        <source>Make this version current again, as a new version (Alt+R)</source>
        <translation>Rendre cette version à nouveau actuelle, sous forme de nouvelle version (Alt+R)</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Chargement de l’historique…</translation>
    </message>
    <message>
        <source>The history could not be read: {why}</source>
        <translation>L’historique n’a pas pu être lu : {why}</translation>
    </message>
    <message>
        <source>1 version</source>
        <translation>1 version</translation>
    </message>
    <message>
        <source>{count} versions</source>
        <translation>{count} versions</translation>
    </message>
    <message>
        <source>every save is kept; restoring adds a new version</source>
        <translation>chaque enregistrement est conservé ; rétablir ajoute une nouvelle version</translation>
    </message>
    <message>
        <source>this device</source>
        <translation>cet appareil</translation>
    </message>
    <message>
        <source>device {id}</source>
        <translation>appareil {id}</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <source>restored an earlier version</source>
        <translation>version antérieure rétablie</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>aucune modification</translation>
    </message>
    <message>
        <source>1 change</source>
        <translation>1 modification</translation>
    </message>
    <message>
        <source>{count} changes</source>
        <translation>{count} modifications</translation>
    </message>
    <message>
        <source>{when} · current</source>
        <translation>{when} · actuelle</translation>
    </message>
    <message>
        <source>Revision {hash}</source>
        <translation>Révision {hash}</translation>
    </message>
    <message>
        <source>Saved on {device} · revision {hash}</source>
        <translation>Enregistré sur {device} · révision {hash}</translation>
    </message>
    <message>
        <source>Version of {when}</source>
        <translation>Version du {when}</translation>
    </message>
    <message>
        <source>Restores the version of {when}.</source>
        <translation>Rétablit la version du {when}.</translation>
    </message>
    <message>
        <source>The incident was recorded.</source>
        <translation>L’incident a été enregistré.</translation>
    </message>
    <message>
        <source>The incident was deleted.</source>
        <translation>L’incident a été supprimé.</translation>
    </message>
    <message>
        <source>This version changed nothing.</source>
        <translation>Cette version n’a rien modifié.</translation>
    </message>
    <message>
        <source>Restore this version?</source>
        <translation>Rétablir cette version ?</translation>
    </message>
    <message>
        <source>The incident will be saved again as it was on {when}. Nothing is lost: the current version stays in the history.</source>
        <translation>L’incident sera enregistré à nouveau tel qu’il était le {when}. Rien n’est perdu : la version actuelle reste dans l’historique.</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>Non rétabli</translation>
    </message>
    <message>
        <source>The version could not be restored: {why}</source>
        <translation>La version n’a pas pu être rétablie : {why}</translation>
    </message>
</context>
<context>
    <name>IncidentEditor</name>
    <message>
        <source>Message about this incident</source>
        <translation>Message concernant cet incident</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>Retour à la liste</translation>
    </message>
    <message>
        <source>Back to the list (Esc)</source>
        <translation>Retour à la liste (Échap)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>Nouvel incident</translation>
    </message>
    <message>
        <source>Untitled incident</source>
        <translation>Incident sans titre</translation>
    </message>
    <message>
        <source>This incident is not in the vault.</source>
        <translation>Cet incident n’est pas dans le coffre.</translation>
    </message>
    <message>
        <source>You have an unsaved draft of this incident from {time}.</source>
        <translation>Vous avez un brouillon non enregistré de cet incident ({time}).</translation>
    </message>
    <message>
        <source>Restore the draft</source>
        <translation>Restaurer le brouillon</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>Abandonner le brouillon</translation>
    </message>
    <message>
        <source>The draft could not be read.</source>
        <translation>Le brouillon n’a pas pu être lu.</translation>
    </message>
    <message>
        <source>Draft restored. This incident was changed after the draft was made: saving the draft replaces those changes (they stay in its history).</source>
        <translation>Brouillon restauré. Cet incident a été modifié après la création du brouillon : enregistrer le brouillon remplace ces modifications (elles restent dans son historique).</translation>
    </message>
    <message>
        <source>Unsaved changes · draft kept</source>
        <translation>Modifications non enregistrées · brouillon conservé</translation>
    </message>
    <message>
        <source>Unsaved changes · the draft could not be kept: {why}</source>
        <translation>Modifications non enregistrées · le brouillon n’a pas pu être conservé : {why}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Pas encore enregistré</translation>
    </message>
    <message>
        <source>Verified with fewer than two sources: OHCHR practice asks for at least two independent, reliable sources.</source>
        <translation>Vérifié avec moins de deux sources : la pratique du HCDH demande au moins deux sources indépendantes et fiables.</translation>
    </message>
    <message>
        <source>Not saved: {count} field(s) need attention (marked in red).</source>
        <translation>Non enregistré : {count} champ(s) à corriger (en rouge).</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Not saved: this incident was changed elsewhere (another window, a sync or a restore) after you opened it. Your version is kept as an encrypted draft.</source>
        <translation>Non enregistré : cet incident a été modifié ailleurs (autre fenêtre, synchronisation ou restauration) après son ouverture. Votre version est conservée dans un brouillon chiffré.</translation>
    </message>
    <message>
        <source>Show the latest version</source>
        <translation>Afficher la dernière version</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continuer la saisie</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>Non enregistré : {why}</translation>
    </message>
    <message>
        <source>Type to filter…</source>
        <translation>Filtrer…</translation>
    </message>
    <message>
        <source>Filter {what}</source>
        <translation>Filtrer : {what}</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>Aucun choix</translation>
    </message>
    <message>
        <source>Chosen: {labels}</source>
        <translation>Choisis : {labels}</translation>
    </message>
    <message>
        <source>New item for {what}</source>
        <translation>Nouvel élément : {what}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add to {what}</source>
        <translation>Ajouter : {what}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove the selected item from {what}</source>
        <translation>Retirer l’élément choisi : {what}</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Violations and groups</source>
        <translation>Violations et groupes</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>Victimes</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Follow-up and tags</source>
        <translation>Suivi et étiquettes</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>What happened, where — no names of victims or sources</source>
        <translation>Ce qui s’est passé, où — sans nom de victime ni de source</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Sensibilité</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>Récit</translation>
    </message>
    <message>
        <source>What happened, in order: who was affected (no names), who did it, what the sources say and what is still unclear.</source>
        <translation>Ce qui s’est passé, dans l’ordre : qui a été touché (sans nom), qui en est l’auteur, ce que disent les sources et ce qui reste incertain.</translation>
    </message>
    <message>
        <source>Date precision</source>
        <translation>Précision de la date</translation>
    </message>
    <message>
        <source>until</source>
        <translation>jusqu’au</translation>
    </message>
    <message>
        <source>The incident lasted until</source>
        <translation>L’incident a duré jusqu’au</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Violations</translation>
    </message>
    <message>
        <source>Alleged perpetrators</source>
        <translation>Auteurs présumés</translation>
    </message>
    <message>
        <source>Rights affected</source>
        <translation>Droits touchés</translation>
    </message>
    <message>
        <source>Victim groups</source>
        <translation>Groupes de victimes</translation>
    </message>
    <message>
        <source>Violations (at least one)</source>
        <translation>Violations (au moins une)</translation>
    </message>
    <message>
        <source>Number of victims by outcome, sex and age. Count each person once per outcome; use Unknown when sex or age is not known. Totals are computed.</source>
        <translation>Nombre de victimes par conséquence, sexe et âge. Comptez chaque personne une fois par conséquence ; utilisez Inconnu si le sexe ou l’âge n’est pas connu. Les totaux sont calculés.</translation>
    </message>
    <message>
        <source>Follow-up actions</source>
        <translation>Actions de suivi</translation>
    </message>
    <message>
        <source>e.g. Raise with the provincial police commander</source>
        <translation>p. ex. Saisir le commandant provincial de la police</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>e.g. election</source>
        <translation>p. ex. élection</translation>
    </message>
    <message>
        <source>Double-click an item to edit it.</source>
        <translation>Double-cliquez sur un élément pour le modifier.</translation>
    </message>
    <message>
        <source>Item {n}</source>
        <translation>Élément {n}</translation>
    </message>
    <message>
        <source>Area (first level)</source>
        <translation>Région (premier niveau)</translation>
    </message>
    <message>
        <source>District (admin2 code)</source>
        <translation>District (code admin2)</translation>
    </message>
    <message>
        <source>P-code, optional</source>
        <translation>P-code, facultatif</translation>
    </message>
    <message>
        <source>Village, street or site</source>
        <translation>Village, rue ou site</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>latitude</source>
        <translation>latitude</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>longitude</source>
        <translation>longitude</translation>
    </message>
    <message>
        <source>— not known —</source>
        <translation>— inconnue —</translation>
    </message>
    <message>
        <source>Save your changes to “{title}”?</source>
        <translation>Enregistrer vos modifications de « {title} » ?</translation>
    </message>
    <message>
        <source>If you discard them, they are gone for good.</source>
        <translation>Si vous les abandonnez, elles seront définitivement perdues.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>What kind of source this is</source>
        <translation>Quel type de source</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Fiabilité</translation>
    </message>
    <message>
        <source>Reliability of the source: A (completely reliable) to F (cannot be judged)</source>
        <translation>Fiabilité de la source : de A (entièrement fiable) à F (impossible à évaluer)</translation>
    </message>
    <message>
        <source>Credibility</source>
        <translation>Crédibilité</translation>
    </message>
    <message>
        <source>Credibility of the information: 1 (confirmed) to 6 (cannot be judged)</source>
        <translation>Crédibilité de l’information : de 1 (confirmée) à 6 (impossible à évaluer)</translation>
    </message>
    <message>
        <source>What the source agreed their information may be used for</source>
        <translation>L’usage de ses informations auquel la source a consenti</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Who, when, how contacted; protection concerns. Stays on this device.</source>
        <translation>Qui, quand, comment contacté ; risques pour la protection. Reste sur cet appareil.</translation>
    </message>
    <message>
        <source>Add a source</source>
        <translation>Ajouter une source</translation>
    </message>
    <message>
        <source>Remove the source</source>
        <translation>Retirer la source</translation>
    </message>
    <message>
        <source>Remove the selected source</source>
        <translation>Retirer la source choisie</translation>
    </message>
    <message>
        <source>Judge the source and the information separately: reliability of the source from A (completely reliable) to F (cannot be judged), credibility of what it said from 1 (confirmed by other sources) to 6 (cannot be judged). Notes stay on this device unless the source&apos;s consent allows otherwise.</source>
        <translation>Évaluez séparément la source et l’information : fiabilité de la source de A (entièrement fiable) à F (impossible à évaluer), crédibilité de ce qu’elle a dit de 1 (confirmé par d’autres sources) à 6 (impossible à évaluer). Les notes restent sur cet appareil sauf si le consentement de la source le permet.</translation>
    </message>
    <message>
        <source>Source {n}: type</source>
        <translation>Source {n} : type</translation>
    </message>
    <message>
        <source>Source {n}: reliability</source>
        <translation>Source {n} : fiabilité</translation>
    </message>
    <message>
        <source>Source {n}: credibility</source>
        <translation>Source {n} : crédibilité</translation>
    </message>
    <message>
        <source>Source {n}: consent</source>
        <translation>Source {n} : consentement</translation>
    </message>
    <message>
        <source>Source {n}: note</source>
        <translation>Source {n} : note</translation>
    </message>
    <message>
        <source>Who, when, how contacted (optional)</source>
        <translation>Qui, quand, comment contacté (facultatif)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Conséquence</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
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
        <source>Perpetrator</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>All perpetrators</source>
        <translation>Tous les auteurs</translation>
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
        <source>No incidents yet — press Ctrl+N to record the first one.</source>
        <translation>Aucun incident pour l’instant — appuyez sur Ctrl+N pour saisir le premier.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Violations</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>Victimes</translation>
    </message>
    <message>
        <source>Unsaved work</source>
        <translation>Travail non enregistré</translation>
    </message>
    <message>
        <source>Unsaved changes to “{title}”.</source>
        <translation>Modifications non enregistrées de « {title} ».</translation>
    </message>
    <message>
        <source>Return to it</source>
        <translation>Y revenir</translation>
    </message>
    <message>
        <source>Save it</source>
        <translation>L’enregistrer</translation>
    </message>
    <message>
        <source>Unsaved drafts could not be read: {why}</source>
        <translation>Les brouillons non enregistrés n’ont pas pu être lus : {why}</translation>
    </message>
    <message>
        <source>a new incident</source>
        <translation>un nouvel incident</translation>
    </message>
    <message>
        <source>You have an unsaved draft of “{title}”.</source>
        <translation>Vous avez un brouillon non enregistré de « {title} ».</translation>
    </message>
    <message>
        <source>({count} more after it)</source>
        <translation>({count} autre(s) ensuite)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
</context>
<context>
    <name>KeptDraft</name>
    <message>
        <source>Restore them</source>
        <translation>Les restaurer</translation>
    </message>
    <message>
        <source>Discard them</source>
        <translation>Les abandonner</translation>
    </message>
    <message>
        <source>The kept draft could not be read.</source>
        <translation>Le brouillon conservé n&apos;a pas pu être lu.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>en</source>
        <translation>fr</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>Field note</source>
        <translation>Note de terrain</translation>
    </message>
    <message>
        <source>Date of the note</source>
        <translation>Date de la note</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>e.g. Meeting with displaced families</source>
        <translation>p. ex. Réunion avec des familles déplacées</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Sensibilité</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Étiquettes, séparées par des virgules</translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation>Séparez les étiquettes par des virgules</translation>
    </message>
    <message>
        <source>Text of the note</source>
        <translation>Texte de la note</translation>
    </message>
    <message>
        <source>What was seen, heard and agreed.</source>
        <translation>Ce qui a été vu, entendu et convenu.</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <source>Sensiti&amp;vity</source>
        <translation>Sensi&amp;bilité</translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation>Éti&amp;quettes</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>Te&amp;xte</translation>
    </message>
    <message>
        <source>&amp;Incidents</source>
        <translation>&amp;Incidents</translation>
    </message>
    <message>
        <source>Problem with this field</source>
        <translation>Problème dans ce champ</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Abandonner les modifications</translation>
    </message>
    <message>
        <source>Discard unsaved changes</source>
        <translation>Abandonner les modifications non enregistrées</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save the note (Ctrl+S)</source>
        <translation>Enregistrer la note (Ctrl+S)</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nouvelle note</translation>
    </message>
    <message>
        <source>Opening the note…</source>
        <translation>Ouverture de la note…</translation>
    </message>
    <message>
        <source>The note could not be opened: {why}</source>
        <translation>La note n’a pas pu être ouverte : {why}</translation>
    </message>
    <message>
        <source>Note of {date}</source>
        <translation>Note du {date}</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>Non enregistré : corrigez les champs marqués en rouge.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Not saved: this note was changed elsewhere since you opened it. Copy your text, press Discard changes to see the other version, then apply your changes again.</source>
        <translation>Non enregistré : cette note a été modifiée ailleurs depuis que vous l’avez ouverte. Copiez votre texte, appuyez sur Abandonner les modifications pour voir l’autre version, puis appliquez à nouveau vos modifications.</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>Non enregistré : {why}</translation>
    </message>
    <message>
        <source>This note has changes that are not saved. Save them first?</source>
        <translation>Cette note a des modifications non enregistrées. Les enregistrer d’abord ?</translation>
    </message>
    <message>
        <source>Notes about this incident</source>
        <translation>Notes sur cet incident</translation>
    </message>
    <message>
        <source>&amp;New note about this incident</source>
        <translation>&amp;Nouvelle note sur cet incident</translation>
    </message>
    <message>
        <source>New note about this incident</source>
        <translation>Nouvelle note sur cet incident</translation>
    </message>
    <message>
        <source>← &amp;Back to the notes</source>
        <translation>← &amp;Retour aux notes</translation>
    </message>
    <message>
        <source>Back to the notes about this incident</source>
        <translation>Retour aux notes sur cet incident</translation>
    </message>
    <message>
        <source>Loading notes…</source>
        <translation>Chargement des notes…</translation>
    </message>
    <message>
        <source>This incident</source>
        <translation>Cet incident</translation>
    </message>
    <message>
        <source>The notes could not be read: {why}</source>
        <translation>Les notes n’ont pas pu être lues : {why}</translation>
    </message>
    <message>
        <source>Save the incident first, then write notes about it.</source>
        <translation>Enregistrez d’abord l’incident, puis rédigez des notes à son sujet.</translation>
    </message>
    <message>
        <source>No notes</source>
        <translation>Aucune note</translation>
    </message>
    <message>
        <source>No field notes mention this incident yet — press New note about this incident to write one.</source>
        <translation>Aucune note de terrain ne mentionne encore cet incident — appuyez sur Nouvelle note sur cet incident pour en rédiger une.</translation>
    </message>
    <message>
        <source>1 note about this incident</source>
        <translation>1 note sur cet incident</translation>
    </message>
    <message>
        <source>{count} notes about this incident</source>
        <translation>{count} notes sur cet incident</translation>
    </message>
    <message>
        <source>Linked incidents</source>
        <translation>Incidents liés</translation>
    </message>
    <message>
        <source>&amp;Link…</source>
        <translation>&amp;Lier…</translation>
    </message>
    <message>
        <source>Link incidents to this note</source>
        <translation>Lier des incidents à cette note</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Open the selected incident</source>
        <translation>Ouvrir l’incident sélectionné</translation>
    </message>
    <message>
        <source>&amp;Unlink</source>
        <translation>&amp;Délier</translation>
    </message>
    <message>
        <source>Unlink the selected incident</source>
        <translation>Délier l’incident sélectionné</translation>
    </message>
    <message>
        <source>(incident not in this vault)</source>
        <translation>(incident absent de ce coffre)</translation>
    </message>
    <message>
        <source>1 incident</source>
        <translation>1 incident</translation>
    </message>
    <message>
        <source>{count} incidents</source>
        <translation>{count} incidents</translation>
    </message>
    <message>
        <source>Field notes</source>
        <translation>Notes de terrain</translation>
    </message>
    <message>
        <source>&amp;New note</source>
        <translation>&amp;Nouvelle note</translation>
    </message>
    <message>
        <source>New note (Ctrl+Shift+N)</source>
        <translation>Nouvelle note (Ctrl+Maj+N)</translation>
    </message>
    <message>
        <source>Filter notes… (Ctrl+F)</source>
        <translation>Filtrer les notes… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter notes</source>
        <translation>Filtrer les notes</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Effacer le filtre</translation>
    </message>
    <message>
        <source>Notes, newest first</source>
        <translation>Notes, de la plus récente à la plus ancienne</translation>
    </message>
    <message>
        <source>{shown} of {total} notes</source>
        <translation>{shown} sur {total} notes</translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 note</translation>
    </message>
    <message>
        <source>{total} notes</source>
        <translation>{total} notes</translation>
    </message>
    <message>
        <source>Choose a note on the left, or press New note (Ctrl+Shift+N).</source>
        <translation>Choisissez une note à gauche, ou appuyez sur Nouvelle note (Ctrl+Maj+N).</translation>
    </message>
    <message>
        <source>No field notes yet — press New note (Ctrl+Shift+N) to write down a meeting or a visit.</source>
        <translation>Aucune note de terrain pour l’instant — appuyez sur Nouvelle note (Ctrl+Maj+N) pour consigner une réunion ou une visite.</translation>
    </message>
    <message>
        <source>Link incidents</source>
        <translation>Lier des incidents</translation>
    </message>
    <message>
        <source>Search incidents by words…</source>
        <translation>Rechercher des incidents par mots…</translation>
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
        <source>Incidents found</source>
        <translation>Incidents trouvés</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lier</translation>
    </message>
    <message>
        <source>Link the selected incidents</source>
        <translation>Lier les incidents sélectionnés</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Search failed: {why}</source>
        <translation>La recherche a échoué : {why}</translation>
    </message>
    <message>
        <source>No incidents match.</source>
        <translation>Aucun incident ne correspond.</translation>
    </message>
    <message>
        <source>The most recent incidents; type to search.</source>
        <translation>Les incidents les plus récents ; tapez pour rechercher.</translation>
    </message>
    <message>
        <source>The first {limit} matches; add words to narrow.</source>
        <translation>Les {limit} premiers résultats ; ajoutez des mots pour affiner.</translation>
    </message>
    <message>
        <source>{count} found.</source>
        <translation>{count} trouvé(s).</translation>
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
    <name>ReportsPage</name>
    <message>
        <source>Ctrl+Up and Ctrl+Down move the item, Ctrl+P pins it, Ctrl+H hides it.</source>
        <translation>Ctrl+Haut et Ctrl+Bas déplacent l&apos;élément, Ctrl+P l&apos;épingle, Ctrl+H le masque.</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Épingler</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>masqué</translation>
    </message>
    <message>
        <source>no room in the report</source>
        <translation>pas de place dans le rapport</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>épinglé</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Désépingler</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>Période personnalisée</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Mois dernier</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Trimestre dernier</translation>
    </message>
    <message>
        <source>Last 6 months</source>
        <translation>6 derniers mois</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>12 derniers mois</translation>
    </message>
    <message>
        <source>Strictly confidential</source>
        <translation>Strictement confidentiel</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Confidentiel</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translation>Non classifié</translation>
    </message>
    <message>
        <source>Resident Coordinator and UN Country Team</source>
        <translation>Coordonnateur résident et équipe de pays des Nations Unies</translation>
    </message>
    <message>
        <source>OHCHR only</source>
        <translation>HCDH uniquement</translation>
    </message>
    <message>
        <source>Public (outside the UN)</source>
        <translation>Public (hors Nations Unies)</translation>
    </message>
    <message>
        <source>Scope and protection</source>
        <translation>Portée et protection</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Concerns and signals</source>
        <translation>Préoccupations et signaux</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
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
        <source>from</source>
        <translation>du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Date printed on the report</source>
        <translation>Date imprimée sur le rapport</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>Tous les pays</translation>
    </message>
    <message>
        <source>Areas (none ticked: all)</source>
        <translation>Régions (aucune cochée : toutes)</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Régions</translation>
    </message>
    <message>
        <source>Tick areas to limit the report; none ticked: the country.</source>
        <translation>Cochez des régions pour limiter le rapport ; aucune cochée : le pays entier.</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Language of the report</source>
        <translation>Langue du rapport</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Author role</source>
        <translation>Fonction de l&apos;auteur</translation>
    </message>
    <message>
        <source>Print a name</source>
        <translation>Imprimer un nom</translation>
    </message>
    <message>
        <source>Print the author&apos;s name</source>
        <translation>Imprimer le nom de l&apos;auteur</translation>
    </message>
    <message>
        <source>Author name</source>
        <translation>Nom de l&apos;auteur</translation>
    </message>
    <message>
        <source>Include the annex of incidents</source>
        <translation>Inclure l&apos;annexe des incidents</translation>
    </message>
    <message>
        <source>Show exact places in the annex (never when unclassified)</source>
        <translation>Lieux exacts dans l&apos;annexe (jamais si non classifié)</translation>
    </message>
    <message>
        <source>Show exact places</source>
        <translation>Afficher les lieux exacts</translation>
    </message>
    <message>
        <source>Show counts of 1 or 2 as &quot;&lt;3&quot;</source>
        <translation>Afficher les nombres 1 ou 2 comme « &lt;3 »</translation>
    </message>
    <message>
        <source>Suppress small counts</source>
        <translation>Masquer les petits nombres</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Aperçu général</translation>
    </message>
    <message>
        <source>The situation in the period, in your own words.</source>
        <translation>La situation pendant la période, dans vos propres mots.</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Recommandations</translation>
    </message>
    <message>
        <source>What you recommend to the Resident Coordinator and UNCT.</source>
        <translation>Ce que vous recommandez au Coordonnateur résident et à l&apos;équipe de pays.</translation>
    </message>
    <message>
        <source>Never write names of victims, witnesses or sources here: this text is printed as written.</source>
        <translation>N&apos;écrivez jamais ici le nom de victimes, de témoins ou de sources : ce texte est imprimé tel quel.</translation>
    </message>
    <message>
        <source>Principal concerns</source>
        <translation>Principales préoccupations</translation>
    </message>
    <message>
        <source>Early-warning signals</source>
        <translation>Signaux d&apos;alerte précoce</translation>
    </message>
    <message>
        <source>{title} — {count} incidents</source>
        <translation>{title} — {count} incidents</translation>
    </message>
    <message>
        <source>all countries</source>
        <translation>tous les pays</translation>
    </message>
    <message>
        <source>last PDF {hash}… {date}</source>
        <translation>dernier PDF {hash}… {date}</translation>
    </message>
    <message>
        <source>no PDF yet</source>
        <translation>aucun PDF</translation>
    </message>
    <message>
        <source>{date} UTC · {pages} pages · {size} KB</source>
        <translation>{date} UTC · {pages} pages · {size} Ko</translation>
    </message>
    <message>
        <source>Message about unsaved work</source>
        <translation>Message sur un travail non enregistré</translation>
    </message>
    <message>
        <source>Unsaved changes to a report definition were kept when the vault locked ({time}).</source>
        <translation>Des modifications non enregistrées d&apos;une définition de rapport ont été conservées lors du verrouillage du coffre ({time}).</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <source>Summary analyses for the Resident Coordinator, and exports.</source>
        <translation>Analyses succinctes pour le Coordonnateur résident, et exportations.</translation>
    </message>
    <message>
        <source>New report</source>
        <translation>Nouveau rapport</translation>
    </message>
    <message>
        <source>New report definition (Ctrl+N)</source>
        <translation>Nouvelle définition de rapport (Ctrl+N)</translation>
    </message>
    <message>
        <source>Saved report definitions</source>
        <translation>Définitions de rapport enregistrées</translation>
    </message>
    <message>
        <source>PDFs made from this definition</source>
        <translation>PDF produits à partir de cette définition</translation>
    </message>
    <message>
        <source>PDFs made from this definition, with their SHA-256</source>
        <translation>PDF produits à partir de cette définition, avec leur SHA-256</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>Aucun pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Travail en cours</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save the definition (Ctrl+S)</source>
        <translation>Enregistrer la définition (Ctrl+S)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Preview the report (F5)</source>
        <translation>Aperçu du rapport (F5)</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Enregistrer le PDF…</translation>
    </message>
    <message>
        <source>Save the report as a PDF file</source>
        <translation>Enregistrer le rapport dans un fichier PDF</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Export the incidents of this scope</source>
        <translation>Exporter les incidents de cette portée</translation>
    </message>
    <message>
        <source>CSV (spreadsheet)…</source>
        <translation>CSV (tableur)…</translation>
    </message>
    <message>
        <source>JSON…</source>
        <translation>JSON…</translation>
    </message>
    <message>
        <source>HXL (humanitarian data)…</source>
        <translation>HXL (données humanitaires)…</translation>
    </message>
    <message>
        <source>Report status</source>
        <translation>État du rapport</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Saved definitions: {count}</source>
        <translation>Définitions enregistrées : {count}</translation>
    </message>
    <message>
        <source>Choose a report on the left, or start a new one.</source>
        <translation>Choisissez un rapport à gauche, ou commencez-en un nouveau.</translation>
    </message>
    <message>
        <source>No reports yet — press “New report” (Ctrl+N) to prepare a summary analysis for the Resident Coordinator.</source>
        <translation>Aucun rapport pour l&apos;instant — appuyez sur « Nouveau rapport » (Ctrl+N) pour préparer une analyse succincte pour le Coordonnateur résident.</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Ouverture…</translation>
    </message>
    <message>
        <source>New report: not saved yet.</source>
        <translation>Nouveau rapport : pas encore enregistré.</translation>
    </message>
    <message>
        <source>Report {start} – {end}</source>
        <translation>Rapport {start} – {end}</translation>
    </message>
    <message>
        <source>Changed since this preview: press Preview again.</source>
        <translation>Modifié depuis cet aperçu : appuyez de nouveau sur Aperçu.</translation>
    </message>
    <message>
        <source>Analysing the period…</source>
        <translation>Analyse de la période…</translation>
    </message>
    <message>
        <source>No principal concerns in this period and scope.</source>
        <translation>Aucune préoccupation principale pour cette période et cette portée.</translation>
    </message>
    <message>
        <source>No early-warning signals.</source>
        <translation>Aucun signal d&apos;alerte précoce.</translation>
    </message>
    <message>
        <source>Ranked by the analysis engine from the incidents this classification and audience allow. The report shows the first six concerns (more if pinned).</source>
        <translation>Classées par le moteur d&apos;analyse à partir des incidents que cette classification et ces destinataires permettent. Le rapport montre les six premières préoccupations (davantage si épinglées).</translation>
    </message>
    <message>
        <source>Please correct: {errors}</source>
        <translation>Veuillez corriger : {errors}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Not saved: this definition was changed elsewhere since you opened it. Your edits are still here; note them, then open the definition again.</source>
        <translation>Non enregistré : cette définition a été modifiée ailleurs depuis que vous l&apos;avez ouverte. Vos modifications sont toujours là ; notez-les, puis rouvrez la définition.</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>Non enregistré : {why}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>This report definition has unsaved changes. Discard them?</source>
        <translation>Cette définition de rapport a des modifications non enregistrées. Les abandonner ?</translation>
    </message>
    <message>
        <source>Draft restored — not saved yet.</source>
        <translation>Brouillon restauré — pas encore enregistré.</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Préparation de l&apos;aperçu…</translation>
    </message>
    <message>
        <source>No preview: {why}</source>
        <translation>Pas d&apos;aperçu : {why}</translation>
    </message>
    <message>
        <source>Preview: {pages} pages, not saved anywhere. SHA-256 {hash}</source>
        <translation>Aperçu : {pages} pages, enregistré nulle part. SHA-256 {hash}</translation>
    </message>
    <message>
        <source>This file leaves the vault&apos;s protection</source>
        <translation>Ce fichier quitte la protection du coffre</translation>
    </message>
    <message>
        <source>{what} will be written to {path} without encryption: anyone who gets the file or the disk can read it. It is marked {marking}; handle, store and send it accordingly, and delete copies you no longer need.</source>
        <translation>{what} sera écrit dans {path} sans chiffrement : quiconque obtient le fichier ou le disque peut le lire. Il porte la mention {marking} ; manipulez-le, conservez-le et envoyez-le en conséquence, et supprimez les copies dont vous n&apos;avez plus besoin.</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Enregistrer le rapport en PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The report</source>
        <translation>Le rapport</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Écriture du PDF…</translation>
    </message>
    <message>
        <source>Wrote {path} ({pages} pages). SHA-256 {hash} is recorded in the definition.</source>
        <translation>{path} écrit ({pages} pages). Le SHA-256 {hash} est consigné dans la définition.</translation>
    </message>
    <message>
        <source>Nothing was written to {path}: {why}</source>
        <translation>Rien n&apos;a été écrit dans {path} : {why}</translation>
    </message>
    <message>
        <source>Nothing was written: {why}</source>
        <translation>Rien n&apos;a été écrit : {why}</translation>
    </message>
    <message>
        <source>Export incidents</source>
        <translation>Exporter les incidents</translation>
    </message>
    <message>
        <source>{format} files (*.{extension})</source>
        <translation>Fichiers {format} (*.{extension})</translation>
    </message>
    <message>
        <source>The export</source>
        <translation>L&apos;exportation</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>Exported {included} of {total} incidents in scope to {path}; {left} left out. What was left out and why: {manifest}</source>
        <translation>{included} des {total} incidents de la portée exportés dans {path} ; {left} écartés. Ce qui a été écarté et pourquoi : {manifest}</translation>
    </message>
    <message>
        <source>more sensitive than the document&apos;s classification</source>
        <translation>plus sensibles que la classification du document</translation>
    </message>
    <message>
        <source>consent does not reach this audience</source>
        <translation>le consentement n&apos;atteint pas ces destinataires</translation>
    </message>
    <message>
        <source>discounted</source>
        <translation>écartés après vérification</translation>
    </message>
    <message>
        <source>names and contacts of persons</source>
        <translation>noms et coordonnées des personnes</translation>
    </message>
    <message>
        <source>notes on sources</source>
        <translation>notes sur les sources</translation>
    </message>
    <message>
        <source>follow-up actions</source>
        <translation>actions de suivi</translation>
    </message>
    <message>
        <source>attachments</source>
        <translation>pièces jointes</translation>
    </message>
    <message>
        <source>field notes</source>
        <translation>notes de terrain</translation>
    </message>
    <message>
        <source>narratives</source>
        <translation>récits</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>étiquettes</translation>
    </message>
    <message>
        <source>incident titles (they can name places and people)</source>
        <translation>titres des incidents (ils peuvent nommer des lieux et des personnes)</translation>
    </message>
    <message>
        <source>places, second-level areas and coordinates (shown by first-level area)</source>
        <translation>lieux, subdivisions de second niveau et coordonnées (montrés par région de premier niveau)</translation>
    </message>
    <message>
        <source>What was left out</source>
        <translation>Ce qui a été écarté</translation>
    </message>
    <message>
        <source>{included} of {total} incidents in scope included.</source>
        <translation>{included} des {total} incidents de la portée inclus.</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>Écartés :</translation>
    </message>
    <message>
        <source>No incident in scope was left out.</source>
        <translation>Aucun incident de la portée n&apos;a été écarté.</translation>
    </message>
    <message>
        <source>{count} locations shown by first-level area.</source>
        <translation>{count} lieux montrés par région de premier niveau.</translation>
    </message>
    <message>
        <source>{count} small counts shown as &quot;&lt;3&quot;.</source>
        <translation>{count} petits nombres affichés comme « &lt;3 ».</translation>
    </message>
    <message>
        <source>Never included: {fields}.</source>
        <translation>Jamais inclus : {fields}.</translation>
    </message>
    <message>
        <source>This summary is shown here only; it is not in the PDF.</source>
        <translation>Ce résumé n&apos;est affiché qu&apos;ici ; il ne figure pas dans le PDF.</translation>
    </message>
    <message>
        <source>Report preview</source>
        <translation>Aperçu du rapport</translation>
    </message>
    <message>
        <source>What was left out, and why</source>
        <translation>Ce qui a été écarté, et pourquoi</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Pleine largeur</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>Page entière</translation>
    </message>
    <message>
        <source>of {count}</source>
        <translation>sur {count}</translation>
    </message>
</context>
<context>
    <name>RiskPage</name>
    <message>
        <source>Show only factors that changed</source>
        <translation>N&apos;afficher que les facteurs qui ont changé</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Facteur</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Éléments de preuve</translation>
    </message>
    <message>
        <source>Select all rows</source>
        <translation>Sélectionner toutes les lignes</translation>
    </message>
    <message>
        <source>{added} incidents linked, {removed} unlinked</source>
        <translation>{added} incidents liés, {removed} retirés</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Assessment sections</source>
        <translation>Parties de l&apos;évaluation</translation>
    </message>
    <message>
        <source>Factors</source>
        <translation>Facteurs</translation>
    </message>
    <message>
        <source>Overall judgement</source>
        <translation>Appréciation globale</translation>
    </message>
    <message>
        <source>Changes since the previous assessment</source>
        <translation>Évolution depuis l&apos;évaluation précédente</translation>
    </message>
    <message>
        <source>Changes since previous</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Risk factors</source>
        <translation>Facteurs de risque</translation>
    </message>
    <message>
        <source>Risk factor</source>
        <translation>Facteur de risque</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Your overall judgement of the risk of atrocity crimes in this scope and period, in the light of all fourteen factors.</source>
        <translation>Votre appréciation globale du risque de crimes d&apos;atrocité pour ce périmètre et cette période, à la lumière des quatorze facteurs.</translation>
    </message>
    <message>
        <source>Factors by rating</source>
        <translation>Facteurs par niveau</translation>
    </message>
    <message>
        <source>Overall rating</source>
        <translation>Niveau global</translation>
    </message>
    <message>
        <source>The main risks, how they are moving, and what could prevent or trigger atrocity crimes in the coming months.</source>
        <translation>Les principaux risques, leur évolution, et ce qui pourrait prévenir ou déclencher des crimes d&apos;atrocité dans les mois à venir.</translation>
    </message>
    <message>
        <source>Saved versions</source>
        <translation>Versions enregistrées</translation>
    </message>
    <message>
        <source>Saved (UTC)</source>
        <translation>Enregistrée (UTC)</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>Global</translation>
    </message>
    <message>
        <source>Factors rated</source>
        <translation>Facteurs évalués</translation>
    </message>
    <message>
        <source>Incidents linked</source>
        <translation>Incidents liés</translation>
    </message>
    <message>
        <source>Changes in this version</source>
        <translation>Modifications de cette version</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Abandonner les modifications</translation>
    </message>
    <message>
        <source>Discard the unsaved changes</source>
        <translation>Abandonner les modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save the assessment (Ctrl+S)</source>
        <translation>Enregistrer l&apos;évaluation (Ctrl+S)</translation>
    </message>
    <message>
        <source>New assessment — not saved yet.</source>
        <translation>Nouvelle évaluation — pas encore enregistrée.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistrée.</translation>
    </message>
    <message>
        <source>Draft restored — not saved yet.</source>
        <translation>Brouillon restauré — pas encore enregistré.</translation>
    </message>
    <message>
        <source>Not saved: {count} problems to fix, shown in red.</source>
        <translation>Non enregistrée : {count} problèmes à corriger, signalés en rouge.</translation>
    </message>
    <message>
        <source>Fix the problems shown in red to see the changes.</source>
        <translation>Corrigez les problèmes signalés en rouge pour voir l&apos;évolution.</translation>
    </message>
    <message>
        <source>No earlier assessment of {scope}: every factor is newly rated.</source>
        <translation>Aucune évaluation antérieure pour {scope} : chaque facteur est évalué pour la première fois.</translation>
    </message>
    <message>
        <source>Compared with the assessment of {start} to {end} (assessed {on}).</source>
        <translation>Par rapport à l&apos;évaluation du {start} au {end} (établie le {on}).</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Modifications non enregistrées.</translation>
    </message>
    <message>
        <source>{scope} · {start} to {end}</source>
        <translation>{scope} · du {start} au {end}</translation>
    </message>
    <message>
        <source>What this version changed from the one before it.</source>
        <translation>Ce que cette version a modifié par rapport à la précédente.</translation>
    </message>
    <message>
        <source>The first saved version.</source>
        <translation>La première version enregistrée.</translation>
    </message>
    <message>
        <source>{group} · {crimes}</source>
        <translation>{group} · {crimes}</translation>
    </message>
    <message>
        <source>Risk factor {number} · {kind}</source>
        <translation>Facteur de risque {number} · {kind}</translation>
    </message>
    <message>
        <source>Indicators observed in the period</source>
        <translation>Indicateurs observés pendant la période</translation>
    </message>
    <message>
        <source>Rating of this factor</source>
        <translation>Niveau de ce facteur</translation>
    </message>
    <message>
        <source>Why this rating</source>
        <translation>Justification du niveau</translation>
    </message>
    <message>
        <source>What you saw, where and when, and how sure you are. Name no victim or source.</source>
        <translation>Ce que vous avez constaté, où et quand, et avec quelle certitude. Ne nommez aucune victime ni aucune source.</translation>
    </message>
    <message>
        <source>Incidents that back this rating</source>
        <translation>Incidents qui étayent ce niveau</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Lier…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>No incidents linked yet — use “Link…” to search or get suggestions.</source>
        <translation>Aucun incident lié pour l&apos;instant — utilisez « Lier… » pour chercher ou obtenir des suggestions.</translation>
    </message>
    <message>
        <source>Link incidents as evidence for this factor</source>
        <translation>Lier des incidents comme éléments de preuve pour ce facteur</translation>
    </message>
    <message>
        <source>Open the selected incident</source>
        <translation>Ouvrir l&apos;incident sélectionné</translation>
    </message>
    <message>
        <source>Remove the selected incidents from the evidence</source>
        <translation>Retirer les incidents sélectionnés des éléments de preuve</translation>
    </message>
    <message>
        <source>Linked incidents</source>
        <translation>Incidents liés</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Not in this vault ({id})</source>
        <translation>Absent de ce coffre ({id})</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Zones</translation>
    </message>
    <message>
        <source>Areas in the scope</source>
        <translation>Zones du périmètre</translation>
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
        <source>Assessed on</source>
        <translation>Évaluée le</translation>
    </message>
    <message>
        <source>Author&apos;s role</source>
        <translation>Fonction de l&apos;auteur</translation>
    </message>
    <message>
        <source>A role, never a name</source>
        <translation>Une fonction, jamais un nom</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Whole country</source>
        <translation>Tout le pays</translation>
    </message>
    <message>
        <source>{count} areas</source>
        <translation>{count} zones</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
    <message>
        <source>Assessed {date}</source>
        <translation>Évaluée le {date}</translation>
    </message>
    <message>
        <source>Overall rating compared with the previous assessment</source>
        <translation>Niveau global par rapport à l&apos;évaluation précédente</translation>
    </message>
    <message>
        <source>{scope}, {period}, overall {rating}</source>
        <translation>{scope}, {period}, niveau global {rating}</translation>
    </message>
    <message>
        <source>Risk assessments</source>
        <translation>Évaluations des risques</translation>
    </message>
    <message>
        <source>The 14 factors of the framework of analysis for atrocity crimes, rated for a scope and period.</source>
        <translation>Les 14 facteurs du cadre d&apos;analyse des crimes d&apos;atrocité, évalués pour un périmètre et une période.</translation>
    </message>
    <message>
        <source>New assessment</source>
        <translation>Nouvelle évaluation</translation>
    </message>
    <message>
        <source>New assessment, starting from the previous one (Ctrl+N)</source>
        <translation>Nouvelle évaluation, à partir de la précédente (Ctrl+N)</translation>
    </message>
    <message>
        <source>Starts from the previous assessment of the same scope (Ctrl+N)</source>
        <translation>Part de l&apos;évaluation précédente du même périmètre (Ctrl+N)</translation>
    </message>
    <message>
        <source>{count} assessments</source>
        <translation>{count} évaluations</translation>
    </message>
    <message>
        <source>Message about unsaved work</source>
        <translation>Message sur un travail non enregistré</translation>
    </message>
    <message>
        <source>No risk assessments yet — press “New assessment” (Ctrl+N) to rate the fourteen risk factors for your country or some of its areas.</source>
        <translation>Aucune évaluation des risques pour l&apos;instant — appuyez sur « Nouvelle évaluation » (Ctrl+N) pour évaluer les quatorze facteurs de risque pour votre pays ou certaines de ses zones.</translation>
    </message>
    <message>
        <source>Choose an assessment on the left, or start a new one.</source>
        <translation>Choisissez une évaluation à gauche, ou commencez-en une nouvelle.</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Ouverture…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Not saved: this assessment was changed elsewhere since you opened it. Your edits are still here; note them, then discard to see the other version.</source>
        <translation>Non enregistrée : cette évaluation a été modifiée ailleurs depuis que vous l&apos;avez ouverte. Vos modifications sont toujours affichées ; notez-les, puis abandonnez-les pour voir l&apos;autre version.</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>Non enregistrée : {why}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>This assessment has changes that are not saved. Discard them?</source>
        <translation>Cette évaluation comporte des modifications non enregistrées. Les abandonner ?</translation>
    </message>
    <message>
        <source>Unsaved changes to a risk assessment were kept when the vault locked ({time}).</source>
        <translation>Des modifications non enregistrées d&apos;une évaluation des risques ont été conservées lors du verrouillage du coffre ({time}).</translation>
    </message>
    <message>
        <source>Link incidents</source>
        <translation>Lier des incidents</translation>
    </message>
    <message>
        <source>Evidence for: {factor}</source>
        <translation>Éléments de preuve pour : {factor}</translation>
    </message>
    <message>
        <source>Search incidents by words…</source>
        <translation>Rechercher des incidents par mots…</translation>
    </message>
    <message>
        <source>Search incidents</source>
        <translation>Rechercher des incidents</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>Suggérer</translation>
    </message>
    <message>
        <source>Suggest credible incidents relevant to this factor</source>
        <translation>Suggérer des incidents crédibles liés à ce facteur</translation>
    </message>
    <message>
        <source>Credible or verified incidents in the scope and period whose violation or victim group relates to this factor.</source>
        <translation>Incidents crédibles ou vérifiés du périmètre et de la période dont la violation ou le groupe de victimes se rapporte à ce facteur.</translation>
    </message>
    <message>
        <source>Only incidents in the assessment&apos;s areas and period</source>
        <translation>Seulement les incidents des zones et de la période de l&apos;évaluation</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Link selected</source>
        <translation>Lier la sélection</translation>
    </message>
    <message>
        <source>Link the selected incidents</source>
        <translation>Lier les incidents sélectionnés</translation>
    </message>
    <message>
        <source>Incidents found</source>
        <translation>Incidents trouvés</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>No incidents found — try other words or widen the search.</source>
        <translation>Aucun incident trouvé — essayez d&apos;autres mots ou élargissez la recherche.</translation>
    </message>
    <message>
        <source>Finding suggestions…</source>
        <translation>Recherche de suggestions…</translation>
    </message>
    <message>
        <source>No suggestions: no other credible or verified incident in the scope and period relates to this factor. Search by words instead.</source>
        <translation>Aucune suggestion : aucun autre incident crédible ou vérifié du périmètre et de la période ne se rapporte à ce facteur. Recherchez plutôt par mots.</translation>
    </message>
    <message>
        <source>{title} (already linked)</source>
        <translation>{title} (déjà lié)</translation>
    </message>
    <message>
        <source>{count} incidents shown.</source>
        <translation>{count} incidents affichés.</translation>
    </message>
    <message>
        <source>Higher</source>
        <translation>En hausse</translation>
    </message>
    <message>
        <source>Lower</source>
        <translation>En baisse</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Inchangé</translation>
    </message>
    <message>
        <source>Newly rated</source>
        <translation>Nouvellement évalué</translation>
    </message>
    <message>
        <source>Now unknown</source>
        <translation>Désormais inconnu</translation>
    </message>
    <message>
        <source>Rating: {rating}</source>
        <translation>Niveau : {rating}</translation>
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
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Vault unlocked · counting incidents…</source>
        <translation>Coffre déverrouillé · comptage des incidents…</translation>
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
        <source>Unsaved note</source>
        <translation>Note non enregistrée</translation>
    </message>
    <message>
        <source>A field note has changes that are not saved. Discard them?</source>
        <translation>Une note de terrain a des modifications non enregistrées. Les abandonner ?</translation>
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
    <name>SyncPage</name>
    <message>
        <source>Sync with headquarters</source>
        <translation>Synchronisation avec le siège</translation>
    </message>
    <message>
        <source>Headquarters</source>
        <translation>Siège</translation>
    </message>
    <message>
        <source>HQ fingerprint</source>
        <translation>Empreinte du siège</translation>
    </message>
    <message>
        <source>HQ address</source>
        <translation>Adresse du siège</translation>
    </message>
    <message>
        <source>This device&apos;s fingerprint</source>
        <translation>Empreinte de cet appareil</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Cet appareil</translation>
    </message>
    <message>
        <source>Enrol with HQ…</source>
        <translation>S’inscrire auprès du siège…</translation>
    </message>
    <message>
        <source>Enrol this vault with headquarters</source>
        <translation>Inscrire ce coffre auprès du siège</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <source>Not yet packaged</source>
        <translation>Pas encore empaqueté</translation>
    </message>
    <message>
        <source>Sent, awaiting HQ&apos;s receipt</source>
        <translation>Envoyé, en attente de l’accusé du siège</translation>
    </message>
    <message>
        <source>Last receipt from HQ</source>
        <translation>Dernier accusé du siège</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livré</translation>
    </message>
    <message>
        <source>Awaiting receipt</source>
        <translation>En attente d’accusé</translation>
    </message>
    <message>
        <source>Last receipt</source>
        <translation>Dernier accusé</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Progression de l’envoi</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Envoyer maintenant</translation>
    </message>
    <message>
        <source>Send pending packages to HQ now</source>
        <translation>Envoyer maintenant les paquets en attente au siège</translation>
    </message>
    <message>
        <source>Write to USB…</source>
        <translation>Écrire sur clé USB…</translation>
    </message>
    <message>
        <source>Write pending packages to a folder or USB stick</source>
        <translation>Écrire les paquets en attente dans un dossier ou sur une clé USB</translation>
    </message>
    <message>
        <source>Import receipt…</source>
        <translation>Importer un accusé…</translation>
    </message>
    <message>
        <source>Import receipts carried back from HQ</source>
        <translation>Importer les accusés rapportés du siège</translation>
    </message>
    <message>
        <source>Send automatically whenever HQ can be reached</source>
        <translation>Envoyer automatiquement dès que le siège est joignable</translation>
    </message>
    <message>
        <source>Send automatically</source>
        <translation>Envoyer automatiquement</translation>
    </message>
    <message>
        <source>Untick on networks that should never see traffic to HQ; you can always send now or write to USB.</source>
        <translation>Décochez sur les réseaux qui ne doivent jamais voir de trafic vers le siège ; vous pouvez toujours envoyer maintenant ou écrire sur clé USB.</translation>
    </message>
    <message>
        <source>Not enrolled yet</source>
        <translation>Pas encore inscrit</translation>
    </message>
    <message>
        <source>None (packages go by USB)</source>
        <translation>Aucune (les paquets passent par clé USB)</translation>
    </message>
    <message>
        <source>{changes} change(s), {files} attachment(s)</source>
        <translation>{changes} modification(s), {files} pièce(s) jointe(s)</translation>
    </message>
    <message>
        <source>{packages} package(s) sent or written, with {changes} change(s)</source>
        <translation>{packages} paquet(s) envoyé(s) ou écrit(s), avec {changes} modification(s)</translation>
    </message>
    <message>
        <source>package {n}, {when}</source>
        <translation>paquet {n}, {when}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>aucun pour l’instant</translation>
    </message>
    <message>
        <source>{n} change(s) acknowledged by HQ</source>
        <translation>{n} modification(s) confirmée(s) par le siège</translation>
    </message>
    <message>
        <source>Enrol again…</source>
        <translation>S’inscrire à nouveau…</translation>
    </message>
    <message>
        <source>not enrolled with HQ</source>
        <translation>non inscrit auprès du siège</translation>
    </message>
    <message>
        <source>last delivered to HQ {when}</source>
        <translation>dernière livraison au siège {when}</translation>
    </message>
    <message>
        <source>nothing delivered to HQ yet</source>
        <translation>rien de livré au siège pour l’instant</translation>
    </message>
    <message>
        <source>{last} · {n} pending</source>
        <translation>{last} · {n} en attente</translation>
    </message>
    <message>
        <source>No HQ address is known: enrol over the network, or write to USB.</source>
        <translation>Aucune adresse du siège n’est connue : inscrivez-vous par le réseau, ou écrivez sur clé USB.</translation>
    </message>
    <message>
        <source>Sending to HQ…</source>
        <translation>Envoi au siège…</translation>
    </message>
    <message>
        <source>{n} package(s) delivered; HQ&apos;s receipts are stored.</source>
        <translation>{n} paquet(s) livré(s) ; les accusés du siège sont enregistrés.</translation>
    </message>
    <message>
        <source>Nothing to send: HQ has everything.</source>
        <translation>Rien à envoyer : le siège a tout.</translation>
    </message>
    <message>
        <source>Folder or USB stick for the packages</source>
        <translation>Dossier ou clé USB pour les paquets</translation>
    </message>
    <message>
        <source>Writing packages…</source>
        <translation>Écriture des paquets…</translation>
    </message>
    <message>
        <source>{n} encrypted package(s) written to {folder}. Carry them to HQ; they stay pending here until HQ&apos;s receipts are imported.</source>
        <translation>{n} paquet(s) chiffré(s) écrit(s) dans {folder}. Apportez-les au siège ; ils restent en attente ici jusqu’à l’import des accusés du siège.</translation>
    </message>
    <message>
        <source>Nothing to write: HQ has everything.</source>
        <translation>Rien à écrire : le siège a tout.</translation>
    </message>
    <message>
        <source>Receipts from HQ</source>
        <translation>Accusés du siège</translation>
    </message>
    <message>
        <source>Checking receipts…</source>
        <translation>Vérification des accusés…</translation>
    </message>
    <message>
        <source>{n} receipt(s) verified; {new} package(s) newly marked delivered.</source>
        <translation>{n} accusé(s) vérifié(s) ; {new} paquet(s) nouvellement marqué(s) comme livré(s).</translation>
    </message>
    <message>
        <source>Sent to HQ automatically.</source>
        <translation>Envoyé automatiquement au siège.</translation>
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
