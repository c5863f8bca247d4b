<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AlertsPanel</name>
    <message>
        <location filename="../../ui/alerts_panel.py" line="+69"/>
        <source>Hide until tomorrow</source>
        <translation>Masquer jusqu’à demain</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Open the list</source>
        <translation>Ouvrir la liste</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>To look at on {date}:</source>
        <translation>À voir le {date}&#xa0;:</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Snooze until</source>
        <translation>Reporter au</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Snooze</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <location filename="../../ui/backup_ui.py" line="+74"/>
        <source>Export</source>
        <extracomment>QSettings key: the backup folders used on this computer, so that a damaged book&apos;s backups are found even when the book can no longer say where it keeps them</extracomment>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export into…</source>
        <translation>Exporter dans…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Writing the tables and the documents…</source>
        <translation>Écriture des tables et des documents…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exported {rows} rows in {tables} CSV files and {documents} documents into {folder}.</source>
        <translation>{rows} lignes exportées dans {tables} fichiers CSV, et {documents} documents, dans {folder}.</translation>
    </message>
</context>
<context>
    <name>Cgv</name>
    <message>
        <location filename="../../ui/cgv.py" line="+43"/>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>New version of the terms of sale</source>
        <translation>Nouvelle version des conditions générales de vente</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. 2026-01</source>
        <translation>ex. 2026-01</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+44"/>
        <location line="+65"/>
        <location line="+50"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="-156"/>
        <location line="+42"/>
        <location line="+115"/>
        <source>In force from</source>
        <translation>En vigueur depuis</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>The CGV (PDF)</source>
        <translation>Les CGV (PDF)</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+101"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Keep every version of your general terms of sale. Each invoice is checked against the version in force on its issue date, and against the client&apos;s acceptance of it.</source>
        <translation>Conservez chaque version de vos conditions générales de vente. Chaque facture est rapprochée de la version en vigueur à sa date d’émission et de l’acceptation de cette version par le client.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted by</source>
        <translation>Acceptée par</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add a version…</source>
        <translation>Ajouter une version…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>PDF on file</source>
        <translation>PDF conservé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no file</source>
        <translation>aucun fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} clients</source>
        <translation>{n} clients</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Acceptance of the terms of sale</source>
        <translation>Acceptation des conditions générales de vente</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{label} (in force from {date})</source>
        <translation>{label} (en vigueur depuis le {date})</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+49"/>
        <source>Accepted on</source>
        <translation>Acceptée le</translation>
    </message>
    <message>
        <location line="-47"/>
        <location line="+48"/>
        <source>Signed copy</source>
        <translation>Exemplaire signé</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Add a CGV version first (Company ▸ Terms of sale).</source>
        <translation>Ajoutez d’abord une version des CGV (Entreprise ▸ CGV).</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Terms of sale accepted by this client:</source>
        <translation>CGV acceptées par ce client&#xa0;:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Record an acceptance…</source>
        <translation>Enregistrer une acceptation…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>on file</source>
        <translation>conservé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No CGV version</source>
        <translation>Aucune version des CGV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the versions of your terms of sale first (Company ▸ Terms of sale).</source>
        <translation>Ajoutez d’abord les versions de vos CGV (Entreprise ▸ CGV).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove the acceptance</source>
        <translation>Retirer l’acceptation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the acceptance of version {label}? The signed copy stays in the documents.</source>
        <translation>Retirer l’acceptation de la version {label}&#xa0;? L’exemplaire signé reste dans les documents.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot remove</source>
        <translation>Impossible de retirer</translation>
    </message>
</context>
<context>
    <name>ChargesDialog</name>
    <message>
        <location filename="../../ui/dialogs/charges_dialog.py" line="+40"/>
        <source>Late charges and letters</source>
        <translation>Pénalités et courriers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Business clients owe penalties at the ECB rate in force on 1 January or 1 July plus 10 points (L441-10 of the Code de commerce), consumers the legal interest rate from the formal notice. Enter each new rate when it is published, with its official reference: until then the last known rate is used, the amounts are marked provisional and an alert says which half-year&apos;s rates are missing.</source>
        <translation>Les clients professionnels doivent des pénalités au taux BCE en vigueur au 1er janvier ou au 1er juillet majoré de 10 points (L441-10 du Code de commerce), les consommateurs l’intérêt au taux légal à compter de la mise en demeure. Saisissez chaque nouveau taux dès sa publication, avec sa référence officielle&#xa0;: en attendant, le dernier taux connu est utilisé, les montants sont signalés comme provisoires et une alerte indique le semestre dont les taux manquent.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>ECB main refinancing rate</source>
        <translation>Taux de refinancement principal de la BCE</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>In force from</source>
        <translation>En vigueur depuis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate (%)</source>
        <translation>Taux (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+54"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Official reference, e.g. ECB decision of 5 June 2025</source>
        <translation>Référence officielle, p. ex. décision de la BCE du 5 juin 2025</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Required: the ECB decision that set this rate (or kept it unchanged)</source>
        <translation>Obligatoire&#xa0;: la décision de la BCE qui a fixé ce taux (ou l’a maintenu)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add this rate</source>
        <translation>Ajouter ce taux</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unchanged up to this date</source>
        <translation>Inchangé jusqu’à cette date</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From</source>
        <translation>À partir du</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Legal interest rate, per half-year</source>
        <translation>Taux de l’intérêt légal, par semestre</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Half-year</source>
        <translation>Semestre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Creditor acting professionally (%)</source>
        <translation>Créancier professionnel (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private creditor (%)</source>
        <translation>Créancier particulier (%)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. 2026-H2</source>
        <translation>ex. 2026-H2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Official reference, e.g. arrêté of 15 December 2025</source>
        <translation>Référence officielle, p. ex. arrêté du 15 décembre 2025</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Required: the arrêté that set these rates (its date or text)</source>
        <translation>Obligatoire&#xa0;: l’arrêté qui a fixé ces taux (sa date ou son texte)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add these rates</source>
        <translation>Ajouter ces taux</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>empty = ECB rate + 10 points</source>
        <translation>vide = taux BCE + 10 points</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Penalty rate in your terms of sale (%)</source>
        <translation>Taux des pénalités dans vos CGV (%)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apply partial payments first to penalties (C. civ. 1343-1)</source>
        <translation>Imputer les paiements partiels d’abord sur les pénalités (art. 1343-1 C. civ.)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>On: a partial payment first pays the penalties accrued to its date, then the principal, in the letters and the claim. Off: it lowers the principal (the conservative claim).</source>
        <translation>Coché&#xa0;: un paiement partiel règle d’abord les pénalités échues à sa date, puis le principal, dans les courriers et le décompte. Décoché&#xa0;: il réduit le principal (la demande la plus prudente).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Name, address and website of your consumer mediator (printed on consumers&apos; letters)</source>
        <translation>Nom, adresse et site de votre médiateur de la consommation (imprimés sur les courriers aux particuliers)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Consumer mediator</source>
        <translation>Médiateur de la consommation</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No consumer mediator: the law requires giving consumers the details of a consumer mediator (L612-1 and L616-1 Code de la consommation).</source>
        <translation>Aucun médiateur de la consommation&#xa0;: la loi impose de communiquer aux consommateurs les coordonnées d’un médiateur de la consommation (L612-1 et L616-1 du Code de la consommation).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deadline in a formal notice</source>
        <translation>Délai de paiement d’une mise en demeure</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>from the left</source>
        <translation>depuis la gauche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from the top</source>
        <translation>depuis le haut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>width</source>
        <translation>largeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>height</source>
        <translation>hauteur</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Envelope window</source>
        <translation>Fenêtre de l’enveloppe</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Known to be unchanged up to {date} ({source}).</source>
        <translation>Inchangé au moins jusqu’au {date} ({source}).</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <location filename="../../ui/dialogs/client_dialog.py" line="+56"/>
        <source>New client</source>
        <extracomment>the legal forms&apos; labels, translated in the &quot;Labels&quot; context like ui.labels&apos; tables</extracomment>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client {code}</source>
        <translation>Client {code}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Balance: &lt;b&gt;{balance}&lt;/b&gt; — overdue: &lt;b&gt;{overdue}&lt;/b&gt; — unallocated credit: {credit}</source>
        <translation>Solde&#xa0;: &lt;b&gt;{balance}&lt;/b&gt; — échu&#xa0;: &lt;b&gt;{overdue}&lt;/b&gt; — crédit non affecté&#xa0;: {credit}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unique, e.g. C0042</source>
        <translation>Unique, par ex. C0042</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+13"/>
        <source>Not known</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Decides the court of a claim: tribunal de commerce for a commercial company, a trader or an artisan; tribunal judiciaire for a civil company, a liberal profession, a farmer or an association</source>
        <translation>Désigne le tribunal d’une action&#xa0;: tribunal de commerce pour une société commerciale, un commerçant ou un artisan&#xa0;; tribunal judiciaire pour une société civile, une profession libérale, un agriculteur ou une association</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Legal form</source>
        <translation>Forme juridique</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trader (commerçant, RCS)</source>
        <translation>Commerçant (RCS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Artisan (RNE / répertoire des métiers)</source>
        <translation>Artisan (RNE / répertoire des métiers)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For a sole trader (EI): both go to the tribunal de commerce</source>
        <translation>Pour un entrepreneur individuel (EI)&#xa0;: l’un et l’autre relèvent du tribunal de commerce</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registered as</source>
        <translation>Immatriculé comme</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Buys for an economic activity it carries on (L441-10 applies)</source>
        <translation>Achète pour une activité économique qu’il exerce (L441-10 s’applique)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A non-profit body owes legal interest from the formal notice and no €40, unless it buys for an economic activity of its own</source>
        <translation>Un organisme sans but lucratif doit l’intérêt légal à compter de la mise en demeure et pas d’indemnité de 40&#xa0;€, sauf s’il achète pour une activité économique qu’il exerce</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Professional purchases</source>
        <translation>Achats professionnels</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Contact person</source>
        <translation>Interlocuteur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language of letters</source>
        <translation>Langue des courriers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment terms</source>
        <translation>Conditions de paiement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Empty = the company&apos;s default terms</source>
        <translation>Vide = conditions par défaut de l’entreprise</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No limit</source>
        <translation>Sans limite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit limit</source>
        <translation>Encours autorisé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address and contact</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identifiers</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT number</source>
        <translation>N° de TVA intracommunautaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIREN, SIRET and VAT numbers are checked with their check digits.</source>
        <translation>Les numéros SIREN, SIRET et de TVA intracommunautaire sont vérifiés grâce à leur clé de contrôle.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Default for its kind</source>
        <translation>Par défaut pour son type</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The steps of its reminders; named scenarios are edited in Settings › Dunning scenarios</source>
        <translation>Les étapes de ses relances&#xa0;; les scénarios nommés se modifient dans Paramètres › Scénarios de relance</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dunning scenario</source>
        <translation>Scénario de relance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit insurer</source>
        <translation>Assureur-crédit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Days to declare an unpaid invoice</source>
        <translation>Délai de déclaration d’un impayé (jours)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty = not insured</source>
        <translation>Vide = non assuré</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Days after the due date within which the insurer must be told of an unpaid invoice; you are warned 15 days before</source>
        <translation>Jours après l’échéance dans lesquels l’assureur doit être informé d’un impayé&#xa0;; vous êtes prévenu 15 jours avant</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Collective procedure</source>
        <translation>Procédure collective</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BODACC notice of</source>
        <translation>Annonce BODACC du</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>From the notice of a safeguard, receivership or liquidation, reminders stop and no penalties or €40 indemnity may be claimed. The claim must be declared to the court-appointed administrator (mandataire judiciaire) within 2 months of the BODACC notice.</source>
        <translation>Dès l’annonce d’une sauvegarde, d’un redressement ou d’une liquidation, les relances s’arrêtent et ni pénalités ni indemnité de 40 € ne peuvent être réclamées. La créance doit être déclarée au mandataire judiciaire dans les 2 mois de l’annonce au BODACC.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Logged calls and contacts:</source>
        <translation>Appels et contacts notés&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Person</source>
        <translation>Interlocuteur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Invoice {number}</source>
        <translation>Facture {number}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Follow-up</source>
        <translation>Relances</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Documents of this client and of its invoices:</source>
        <translation>Documents de ce client et de ses factures&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client {code} — {name}</source>
        <translation>Client {code} — {name}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Evidence file…</source>
        <translation>Dossier de preuves…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One PDF with a cover page, the client&apos;s invoices and every proof document</source>
        <translation>Un seul PDF&#xa0;: page de garde, factures du client et toutes les pièces justificatives</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>evidence-{code}</source>
        <translation>preuves-{code}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Statement of account…</source>
        <translation>Relevé de compte…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>statement-{code}</source>
        <translation>releve-{code}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Claim summary (injonction de payer)…</source>
        <translation>Décompte pour injonction de payer…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>claim-{code}</source>
        <translation>decompte-{code}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export this client&apos;s data…</source>
        <translation>Exporter les données de ce client…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every row about this client as CSV, with its documents: the answer to a GDPR access request</source>
        <translation>Toutes les lignes concernant ce client en CSV, avec ses documents&#xa0;: la réponse à une demande d’accès RGPD</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ClientFilter</name>
    <message>
        <location filename="../../ui/pages.py" line="+175"/>
        <location line="+13"/>
        <source>All clients</source>
        <translation>Tous les clients</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <location filename="../../ui/widgets.py" line="+108"/>
        <source>Type a client&apos;s code or name</source>
        <translation>Saisissez le code ou le nom d’un client</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <location filename="../../ui/pages.py" line="-111"/>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overdue only</source>
        <translation>En retard uniquement</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Invoices of this client</source>
        <translation>Factures de ce client</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Search clients: code, name, city… (Ctrl+F)</source>
        <translation>Rechercher un client&#xa0;: code, nom, ville… (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New client</source>
        <translation>Nouveau client</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Delete the client {code} — {name}?</source>
        <translation>Supprimer le client {code} — {name}&#xa0;?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Client {code} — {name}</source>
        <translation>Client {code} — {name}</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location line="-93"/>
        <source>Code</source>
        <extracomment>balances, overdue amounts and credit come from the invoices and payments</extracomment>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+173"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="-172"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+189"/>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <location line="-186"/>
        <source>Overdue</source>
        <translation>Échu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unallocated credit</source>
        <translation>Crédit non affecté</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Credit limit</source>
        <translation>Encours autorisé</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>Number</source>
        <extracomment>amounts paid, clients&apos; names, proof (documents, CGV, settings), disputes (follow-up)</extracomment>
        <translation>Numéro</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+166"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>Issued</source>
        <translation>Émission</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Paid</source>
        <translation>Réglé</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Days late</source>
        <translation>Retard (j)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proof</source>
        <translation>Preuves</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Allocated</source>
        <translation>Imputé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unallocated</source>
        <translation>Non imputé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Method</source>
        <translation>Mode de règlement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
</context>
<context>
    <name>CompanyDialog</name>
    <message>
        <location filename="../../ui/dialogs/company_dialog.py" line="+30"/>
        <source>My company</source>
        <translation>Mon entreprise</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Company name</source>
        <translation>Raison sociale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal form</source>
        <translation>Forme juridique</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SARL, SAS, EI…</source>
        <translation>SARL, SAS, EI…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Share capital (€)</source>
        <translation>Capital social (€)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty for a sole trader</source>
        <translation>Vide pour un entrepreneur individuel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RCS (trade and companies register)</source>
        <translation>RCS (registre du commerce et des sociétés)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RNE (national register of businesses)</source>
        <translation>RNE (registre national des entreprises)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RM (trades register)</source>
        <translation>RM (répertoire des métiers)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register</source>
        <translation>Registre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register town</source>
        <translation>Ville du greffe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. Lyon</source>
        <translation>par ex. Lyon</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registration number</source>
        <translation>Numéro d’immatriculation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty = the SIREN</source>
        <translation>Vide = le SIREN</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signatory</source>
        <translation>Signataire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First and last name</source>
        <translation>Prénom et nom</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signatory&apos;s title</source>
        <translation>Qualité du signataire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>gérant, président…</source>
        <translation>gérant, président…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT number</source>
        <translation>N° de TVA intracommunautaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Logo file</source>
        <translation>Fichier du logo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Default payment terms</source>
        <translation>Conditions de paiement par défaut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 30 jours, 45 jours fin de mois</source>
        <translation>par ex. 30 jours, 45 jours fin de mois</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Method A: invoice date + N days, then end of month</source>
        <translation>Méthode A&#xa0;: date de facture + N jours, puis fin de mois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method B: end of month, then + N days</source>
        <translation>Méthode B&#xa0;: fin de mois, puis + N jours</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“N days end of month”</source>
        <translation>«&#xa0;N jours fin de mois&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terms of sale (CGV)</source>
        <translation>CGV</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the logo</source>
        <translation>Choisir le logo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Images (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/errors.py" line="+33"/>
        <source>Something went wrong</source>
        <translation>Un problème est survenu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Encaisse ran into an unexpected problem. Your data is safe: the action in progress was cancelled. The details below were written to the log; please send them to support.</source>
        <translation>Encaisse a rencontré un problème inattendu. Vos données sont intactes&#xa0;: l’action en cours a été annulée. Les détails ci-dessous ont été enregistrés dans le journal&#xa0;; merci de les transmettre à l’assistance.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copy details</source>
        <translation>Copier les détails</translation>
    </message>
</context>
<context>
    <name>DateRange</name>
    <message>
        <location filename="../../ui/widgets.py" line="+99"/>
        <source>to</source>
        <translation>au</translation>
    </message>
</context>
<context>
    <name>DocumentTools</name>
    <message>
        <location filename="../../ui/document_tools.py" line="+80"/>
        <source>The check could not run (the details are in the log).</source>
        <translation>La vérification n’a pas pu être menée (le détail est dans le journal).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Check the book and the documents</source>
        <translation>Vérifier le dossier et les documents</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+235"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="-212"/>
        <source>Database: {problem}</source>
        <translation>Base de données&#xa0;: {problem}</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Repair…</source>
        <translation>Réparer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back the book up, then recompute the running totals and move the files that belong to no document to the store&apos;s trash</source>
        <translation>Sauvegarder le dossier, puis recalculer les totaux cumulés et mettre les fichiers qui n’appartiennent à aucun document dans la corbeille du coffre</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Not checked: {note}</source>
        <translation>Non vérifié&#xa0;: {note}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Everything that can be checked is sound: every row the book refers to exists, all {totals} running totals match their allocations and all {count} documents match their SHA-256 fingerprint.</source>
        <translation>Tout ce qui peut être vérifié est sain&#xa0;: chaque ligne à laquelle le dossier renvoie existe, les {totals} totaux cumulés correspondent à leurs imputations et les {count} documents à leur empreinte SHA-256.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Everything is sound: the database passed SQLite&apos;s integrity check, all {totals} running totals match their allocations and all {count} documents match their SHA-256 fingerprint.</source>
        <translation>Tout est sain&#xa0;: la base de données a passé le contrôle d’intégrité de SQLite, les {totals} totaux cumulés correspondent à leurs imputations et les {count} documents à leur empreinte SHA-256.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Repair recomputes the running totals from the allocations, after a backup: an allocation beyond an invoice&apos;s total is taken back, newest first, and stays as credit on its payment.</source>
        <translation>Réparer recalcule les totaux cumulés à partir des imputations, après une sauvegarde&#xa0;: une imputation au-delà du total d’une facture est reprise, la plus récente d’abord, et reste en crédit sur son paiement.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Repair moves the {count} stored files that belong to no document to the store&apos;s trash, where they stay {days} days.</source>
        <translation>Réparer met les {count} fichiers conservés qui n’appartiennent à aucun document dans la corbeille du coffre, où ils restent {days} jours.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Repair moves the {count} partial copies to the store&apos;s trash, where they stay {days} days.</source>
        <translation>Réparer met les {count} copies partielles dans la corbeille du coffre, où elles restent {days} jours.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{count} of these files are less than {minutes} minutes old: an attachment or a restore may still be writing them. Repair leaves them alone; check again later.</source>
        <translation>{count} de ces fichiers ont moins de {minutes} minutes&#xa0;: un ajout ou une restauration est peut-être encore en train de les écrire. Réparer n’y touche pas&#xa0;; vérifiez de nouveau plus tard.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restore the damaged files from a backup, or attach them again.</source>
        <translation>Restaurez les fichiers abîmés depuis une sauvegarde, ou joignez-les de nouveau.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restore the book from a backup (File ▸ Restore a backup…).</source>
        <translation>Restaurez le dossier depuis une sauvegarde (Fichier ▸ Restaurer une sauvegarde…).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Encaisse first makes a backup of the book, in the backup folder; nothing is repaired if it fails. Then it recomputes every running total from the allocations (an allocation beyond an invoice&apos;s total is taken back, newest first, and stays as credit on its payment) and moves the files that belong to no document to the store&apos;s trash, for {days} days. Every change is written to the history.

Back up and repair now?</source>
        <translation>Encaisse fait d’abord une sauvegarde du dossier, dans le dossier des sauvegardes&#xa0;; rien n’est réparé si elle échoue. Puis il recalcule chaque total cumulé à partir des imputations (une imputation au-delà du total d’une facture est reprise, la plus récente d’abord, et reste en crédit sur son paiement) et met les fichiers qui n’appartiennent à aucun document dans la corbeille du coffre, pour {days} jours. Chaque modification est inscrite dans l’historique.

Sauvegarder et réparer maintenant&#xa0;?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Encaisse cannot back up a PostgreSQL book: back it up first with the server&apos;s own tools (pg_dump). Encaisse then recomputes every running total from the allocations (an allocation beyond an invoice&apos;s total is taken back, newest first, and stays as credit on its payment) and moves the files that belong to no document to the store&apos;s trash, for {days} days. Every change is written to the history.

The book is backed up: repair it now?</source>
        <translation>Encaisse ne peut pas sauvegarder un dossier PostgreSQL&#xa0;: sauvegardez-le d’abord avec les outils du serveur (pg_dump). Encaisse recalcule ensuite chaque total cumulé à partir des imputations (une imputation au-delà du total d’une facture est reprise, la plus récente d’abord, et reste en crédit sur son paiement) et met les fichiers qui n’appartiennent à aucun document dans la corbeille du coffre, pour {days} jours. Chaque modification est inscrite dans l’historique.

Le dossier est sauvegardé&#xa0;: le réparer maintenant&#xa0;?</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+13"/>
        <source>Repair the book</source>
        <translation>Réparer le dossier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backing up and repairing the book…</source>
        <translation>Sauvegarde et réparation du dossier…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing was repaired</source>
        <translation>Rien n’a été réparé</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Running totals recomputed: {recomputed}. Allocations in excess taken back: {taken}. Files moved to the store&apos;s trash: {moved}. Missing files put back from it: {recovered}.</source>
        <translation>Totaux cumulés recalculés&#xa0;: {recomputed}. Imputations en excès reprises&#xa0;: {taken}. Fichiers mis dans la corbeille du coffre&#xa0;: {moved}. Fichiers manquants récupérés depuis celle-ci&#xa0;: {recovered}.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The book was backed up to {path}.</source>
        <translation>Le dossier a été sauvegardé dans {path}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Document trash</source>
        <translation>Corbeille des documents</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deleted documents stay here for {days} days, then are removed for good.</source>
        <translation>Les documents supprimés restent ici {days} jours, puis sont effacés définitivement.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted on</source>
        <translation>Supprimé le</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Cannot restore</source>
        <translation>Impossible de restaurer</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../../ui/viewer.py" line="+382"/>
        <source>Open with system viewer</source>
        <extracomment>What &quot;zoom in&quot; and &quot;zoom out&quot; step through (1.0 = actual size). A zoomed image is never made larger than this many pixels a side (memory). The widget showing the pages; None when the document cannot be shown.</extracomment>
        <translation>Ouvrir avec la visionneuse du système</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export a copy…</source>
        <translation>Exporter une copie…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+8"/>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>an unexpected error occurred ({error}).</source>
        <translation>une erreur inattendue s’est produite ({error}).</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Page shown (type a number and press Enter)</source>
        <translation>Page affichée (tapez un numéro puis Entrée)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fit width</source>
        <translation>Pleine largeur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fit page</source>
        <translation>Page entière</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Actual size</source>
        <translation>Taille réelle</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>You can still open it with the system viewer or export a copy.</source>
        <translation>Vous pouvez tout de même l’ouvrir avec la visionneuse du système ou en exporter une copie.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>of {count}</source>
        <translation>sur {count}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This document cannot be previewed: {reason}</source>
        <translation>Ce document ne peut pas être affiché&#xa0;: {reason}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{percent}%</source>
        <translation>{percent} %</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <location filename="../../ui/documents_panel.py" line="+68"/>
        <source>PDF and images (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.gif *.webp);;All files (*)</source>
        <translation>PDF et images (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.gif *.webp);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+62"/>
        <location line="+13"/>
        <source>Cannot attach</source>
        <translation>Impossible de joindre</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Copying into the document store…</source>
        <translation>Copie dans le coffre des documents…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Attaching</source>
        <translation>Ajout de pièces</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Attach documents</source>
        <translation>Joindre des documents</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Drop files here, or use “Add files…”</source>
        <translation>Déposez des fichiers ici, ou utilisez «&#xa0;Ajouter des fichiers…&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files (drop them here):</source>
        <translation>Fichiers (déposez-les ici)&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add files…</source>
        <translation>Ajouter des fichiers…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove from the list</source>
        <translation>Retirer de la liste</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+292"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="-289"/>
        <source>Empty = the file name</source>
        <translation>Vide = le nom du fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+288"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="-287"/>
        <source>known</source>
        <translation>connue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document date</source>
        <translation>Date du document</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed by the client</source>
        <translation>Signé par le client</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>on</source>
        <translation>le</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attach</source>
        <translation>Joindre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose documents</source>
        <translation>Choisir des documents</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Add at least one file (or drop it here).</source>
        <translation>Ajoutez au moins un fichier (ou déposez-le ici).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Attached with a warning</source>
        <translation>Joint avec un avertissement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These PDF files could not be read: they are kept as proof, but cannot be previewed or merged into an evidence file:
{names}</source>
        <translation>Ces fichiers PDF n’ont pas pu être lus&#xa0;: ils sont conservés comme preuve, mais ne peuvent être ni affichés ni intégrés à un dossier de preuves&#xa0;:
{names}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Cannot preview</source>
        <translation>Aperçu impossible</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+6"/>
        <source>Cannot open</source>
        <translation>Ouverture impossible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No application is set to open this kind of file. A copy is here:
{path}</source>
        <translation>Aucune application n’est associée à ce type de fichier. Une copie se trouve ici&#xa0;:
{path}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export a copy</source>
        <translation>Exporter une copie</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+5"/>
        <source>Cannot export</source>
        <translation>Export impossible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The copy could not be written: {detail}</source>
        <translation>La copie n’a pas pu être écrite&#xa0;: {detail}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot print</source>
        <translation>Impression impossible</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>History of {title}</source>
        <translation>Historique de {title}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Versions (newest first):</source>
        <translation>Versions (la plus récente d’abord)&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{date} — {name} — SHA-256 {sha}</source>
        <translation>{date} — {name} — SHA-256 {sha}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SHA-256 fingerprint: {sha}</source>
        <translation>Empreinte SHA-256&#xa0;: {sha}</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+408"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="-374"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed</source>
        <translation>Signé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>Ajouté le</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(unreadable PDF)</source>
        <translation>(PDF illisible)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name}
SHA-256 {sha}
added by {who}</source>
        <translation>{name}
SHA-256 {sha}
ajouté par {who}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{n} B</source>
        <translation>{n} o</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} KB</source>
        <translation>{n} Ko</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} MB</source>
        <translation>{n} Mo</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Drop files here to attach them, or use “Attach…”.</source>
        <translation>Déposez des fichiers ici pour les joindre, ou utilisez «&#xa0;Joindre…&#xa0;».</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Attach…</source>
        <translation>Joindre…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+265"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location line="-260"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace…</source>
        <translation>Remplacer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Choose the new version</source>
        <translation>Choisir la nouvelle version</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot replace</source>
        <translation>Remplacement impossible</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete the document</source>
        <translation>Supprimer le document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move “{title}” to the trash? It can be restored for {days} days (Tools ▸ Document trash).</source>
        <translation>Mettre «&#xa0;{title}&#xa0;» à la corbeille&#xa0;? Il pourra être restauré pendant {days} jours (Outils ▸ Corbeille des documents).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot delete</source>
        <translation>Suppression impossible</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>A credit note needs no proof.</source>
        <translation>Un avoir ne demande aucune preuve.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>accepted by the client on {date}</source>
        <translation>acceptée par le client le {date}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no acceptance by the client on file</source>
        <translation>aucune acceptation du client conservée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CGV in force on the issue date: version {label} (from {date}) — {accepted}</source>
        <translation>CGV en vigueur à la date d’émission&#xa0;: version {label} (depuis le {date}) — {accepted}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No CGV version is kept for that date (Company ▸ Terms of sale); a signed CGV attached to the client counts.</source>
        <translation>Aucune version des CGV n’est enregistrée pour cette date (Entreprise ▸ CGV)&#xa0;; des CGV signées jointes au client valent preuve.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This invoice is overdue and its proof is incomplete: gather the missing documents before escalating.</source>
        <translation>Cette facture est en retard et ses preuves sont incomplètes&#xa0;: réunissez les pièces manquantes avant d’aller plus loin.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>complete</source>
        <translation>complètes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing: {what}</source>
        <translation>manquantes&#xa0;: {what}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save the evidence file</source>
        <translation>Enregistrer le dossier de preuves</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot build the evidence file</source>
        <translation>Impossible de constituer le dossier de preuves</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The evidence file has {pages} pages: the cover and {count} documents.</source>
        <translation>Le dossier de preuves compte {pages} pages&#xa0;: la page de garde et {count} documents.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not be included (listed on the cover with their fingerprint):
{names}</source>
        <translation>N’ont pas pu être intégrés (listés en page de garde avec leur empreinte)&#xa0;:
{names}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Evidence file ready</source>
        <translation>Dossier de preuves prêt</translation>
    </message>
</context>
<context>
    <name>DunningDialogs</name>
    <message>
        <location filename="../../ui/dunning_dialogs.py" line="+45"/>
        <location line="+2"/>
        <source>Postpone</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Until</source>
        <translation>Jusqu’au</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Skip this step</source>
        <translation>Passer cette étape</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. agreed by phone to wait</source>
        <translation>ex. convenu par téléphone d’attendre</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+157"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="-148"/>
        <source>Sent by registered letter</source>
        <translation>Envoyé en recommandé</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+107"/>
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>e.g. 1A 123 456 7890 1</source>
        <translation>ex. 1A 123 456 7890 1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tracking number</source>
        <translation>Numéro de suivi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sent on</source>
        <translation>Envoyé le</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Log a call</source>
        <translation>Noter un appel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spoke with</source>
        <translation>Interlocuteur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>will pay</source>
        <translation>va payer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>did not receive the invoice</source>
        <translation>n’a pas reçu la facture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cash-flow difficulties</source>
        <translation>difficultés de trésorerie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disputes the invoice</source>
        <translation>conteste la facture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+137"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="-134"/>
        <location line="+98"/>
        <location line="+39"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>The client promised to pay</source>
        <translation>Le client a promis de payer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Amount promised</source>
        <translation>Montant promis</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+44"/>
        <source>Promised for</source>
        <translation>Promis pour le</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Promise to pay — {number}</source>
        <translation>Promesse de paiement — {number}</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+120"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>The dunning of this invoice pauses until that date plus {days} days of grace.</source>
        <translation>Les relances de cette facture sont suspendues jusqu’à cette date, plus {days} jours de grâce.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Dispute — {number}</source>
        <translation>Litige — {number}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the dispute</source>
        <translation>Ouvrir le litige</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A disputed invoice leaves the dunning ladder until the dispute is closed; it still counts in the balance.</source>
        <translation>Une facture en litige sort des relances jusqu’à la clôture du litige&#xa0;; elle reste comptée dans le solde.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Close the dispute — {number}</source>
        <translation>Clore le litige — {number}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close the dispute</source>
        <translation>Clore le litige</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resolved (with a credit note where needed)</source>
        <translation>Résolu (avec un avoir si nécessaire)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rejected: the invoice is due as it is</source>
        <translation>Rejeté&#xa0;: la facture est due telle quelle</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The invoice goes back on the dunning ladder.</source>
        <translation>La facture reprend son parcours de relance.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Payment plan — {client}</source>
        <translation>Échéancier — {client}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Agree the plan</source>
        <translation>Accorder l’échéancier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Amount owed</source>
        <translation>Montant dû</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Instalments</source>
        <translation>Échéances</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First instalment</source>
        <translation>Première échéance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Split equally</source>
        <translation>Répartir également</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date (DD/MM/YYYY)</source>
        <translation>Date (JJ/MM/AAAA)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Waive the late charges if every instalment is paid on time</source>
        <translation>Renoncer aux frais de retard si chaque échéance est payée à temps</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+2"/>
        <source>Hand off</source>
        <translation>Transmettre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Collection agency</source>
        <translation>Société de recouvrement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Injonction de payer</source>
        <translation>Injonction de payer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Small-claims procedure</source>
        <translation>Procédure simplifiée (petites créances)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agency or court</source>
        <translation>Société ou tribunal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its address</source>
        <translation>Son adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+102"/>
        <source>Request filed on</source>
        <translation>Requête déposée le</translation>
    </message>
    <message>
        <location line="-97"/>
        <location line="+101"/>
        <source>Ordonnance of</source>
        <translation>Ordonnance du</translation>
    </message>
    <message>
        <location line="-96"/>
        <location line="+100"/>
        <source>Served (signification) on</source>
        <translation>Signifiée le</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>The debtor may oppose until {opposition}. Without opposition, the ordonnance — issued with the formule exécutoire — is enforceable from {enforceable}.</source>
        <translation>Le débiteur peut former opposition jusqu’au {opposition}. Sans opposition, l’ordonnance — rendue avec la formule exécutoire — est exécutoire à partir du {enforceable}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Have the ordonnance served by a commissaire de justice by {serve_by} (6 months, art. 1411 CPC), or it lapses.</source>
        <translation>Faites signifier l’ordonnance par un commissaire de justice avant le {serve_by} (6 mois, art. 1411 CPC), sinon elle devient non avenue.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Once the ordonnance is issued, it must be served within 6 months; the debtor then has one month to oppose. Record the dates as they come.</source>
        <translation>Une fois rendue, l’ordonnance doit être signifiée dans les 6 mois&#xa0;; le débiteur dispose alors d’un mois pour former opposition. Enregistrez les dates au fur et à mesure.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Injonction de payer — {number}</source>
        <translation>Injonction de payer — {number}</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Internal reminders stop for these invoices.</source>
        <translation>Les relances internes s’arrêtent pour ces factures.</translation>
    </message>
</context>
<context>
    <name>EditorDialog</name>
    <message>
        <location filename="../../ui/dialogs/base.py" line="+33"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Cannot remove</source>
        <translation>Impossible de retirer l’imputation</translation>
    </message>
</context>
<context>
    <name>EmailSettingsDialog</name>
    <message>
        <location filename="../../ui/email_settings.py" line="+31"/>
        <source>E-mail account</source>
        <translation>Compte de messagerie</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The SMTP server that sends the e-mails of the dunning steps whose channel is e-mail. Without a server, the e-mails are written (.eml) and wait in the send queue.</source>
        <translation>Le serveur SMTP qui envoie les e-mails des étapes de relance dont le canal est l’e-mail. Sans serveur, les e-mails sont écrits (.eml) et attendent dans la file d’envoi.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. smtp.example.org</source>
        <translation>p. ex. smtp.exemple.fr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP server</source>
        <translation>Serveur SMTP</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (port 587)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS (port 465)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None (not encrypted)</source>
        <translation>Aucune (non chiffrée)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>kept in the system keyring; leave empty to keep the current one</source>
        <translation>conservé dans le trousseau du système&#xa0;; laisser vide pour garder l’actuel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty: the company&apos;s e-mail address</source>
        <translation>vide&#xa0;: l’adresse e-mail de l’entreprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender address</source>
        <translation>Adresse d’expéditeur</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test the connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Give the SMTP server first.</source>
        <translation>Indiquez d’abord le serveur SMTP.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server accepted the connection.</source>
        <translation>Le serveur a accepté la connexion.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../services/core/i18n.py" line="+23"/>
        <source>Code</source>
        <extracomment>Field (attribute) name -&gt; English label shown to the user.</extracomment>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact person</source>
        <translation>Interlocuteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT number</source>
        <translation>N° de TVA intracommunautaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of letters</source>
        <translation>Langue des courriers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment terms</source>
        <translation>Conditions de paiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default payment terms</source>
        <translation>Conditions de paiement par défaut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit limit</source>
        <translation>Encours autorisé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal form</source>
        <translation>Forme juridique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registered as</source>
        <translation>Immatriculé comme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Professional purchases</source>
        <translation>Achats professionnels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share capital</source>
        <translation>Capital social</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register</source>
        <translation>Registre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register town</source>
        <translation>Ville du greffe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration number</source>
        <translation>Numéro d’immatriculation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signatory</source>
        <translation>Signataire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signatory&apos;s title</source>
        <translation>Qualité du signataire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late charges</source>
        <translation>Pénalités et indemnité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo file</source>
        <translation>Fichier du logo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End-of-month method</source>
        <translation>Méthode de calcul fin de mois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Issue date</source>
        <translation>Date d’émission</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery date</source>
        <translation>Date de livraison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total incl. VAT</source>
        <translation>Total TTC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net amount</source>
        <translation>Montant HT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT amount</source>
        <translation>Montant de TVA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchase order</source>
        <translation>Bon de commande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>Mode de règlement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit note</source>
        <translation>Avoir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allocation</source>
        <translation>Imputation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup folder</source>
        <translation>Dossier des sauvegardes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden until</source>
        <translation>Masquée jusqu’au</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest file imported</source>
        <translation>Plus gros fichier importé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest value in a cell</source>
        <translation>Plus grande valeur d’une cellule</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due date set by hand</source>
        <translation>Échéance saisie à la main</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disputed</source>
        <translation>En litige</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applies to invoice</source>
        <translation>Imputé sur la facture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit insurer</source>
        <translation>Assureur-crédit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days to declare an unpaid invoice</source>
        <translation>Délai de déclaration d’un impayé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dunning scenario</source>
        <translation>Scénario de relance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instalments</source>
        <translation>Échéances</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed on</source>
        <translation>Signé le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In force from</source>
        <translation>En vigueur depuis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted on</source>
        <translation>Acceptée le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CGV version</source>
        <translation>Version des CGV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest document</source>
        <translation>Taille maximale d’un document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Envelope window</source>
        <translation>Fenêtre de l’enveloppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Half-year</source>
        <translation>Semestre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal rate (creditor acting professionally)</source>
        <translation>Taux légal (créancier professionnel)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal rate (private creditor)</source>
        <translation>Taux légal (créancier particulier)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline in a formal notice</source>
        <translation>Délai de paiement d’une mise en demeure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../../services/core/settings.py" line="+47"/>
        <source>Consumer mediator</source>
        <translation>Médiateur de la consommation</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SMTP server</source>
        <translation>Serveur SMTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP port</source>
        <translation>Port SMTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection security</source>
        <translation>Sécurité de la connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP user</source>
        <translation>Utilisateur SMTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender address</source>
        <translation>Adresse d’expéditeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP password</source>
        <translation>Mot de passe SMTP</translation>
    </message>
    <message>
        <location filename="../../services/followup/dunning.py" line="+145"/>
        <source>BODACC notice date</source>
        <translation>Date de l&apos;annonce BODACC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promised for</source>
        <translation>Promis pour le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request filed on</source>
        <translation>Requête déposée le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordonnance of</source>
        <translation>Ordonnance du</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Served (signification) on</source>
        <translation>Signifiée le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To serve by</source>
        <translation>À signifier avant le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opposition until</source>
        <translation>Opposition possible jusqu&apos;au</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enforceable from</source>
        <translation>Exécutoire à partir du</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Formule exécutoire to ask by</source>
        <translation>Formule exécutoire à demander avant le</translation>
    </message>
    <message>
        <location filename="../../services/followup/rates.py" line="+49"/>
        <source>Official reference</source>
        <translation>Référence officielle</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <location filename="../../ui/followup_page.py" line="+59"/>
        <source>Actions due on</source>
        <translation>Actions à faire le</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prepare letters…</source>
        <translation>Préparer les courriers…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The day&apos;s letters: preview, print or save, then record them as sent</source>
        <translation>Les courriers du jour&#xa0;: aperçu, impression ou enregistrement, puis envoi consigné</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Client / invoice</source>
        <translation>Client / facture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days late</source>
        <translation>Jours de retard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing to do on this date. Invoices due soon and late ones will appear here when their next step comes.</source>
        <translation>Rien à faire à cette date. Les factures bientôt échues et celles en retard apparaîtront ici quand viendra leur prochaine étape.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent by registered letter…</source>
        <translation>Envoyé en recommandé…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Postpone…</source>
        <translation>Reporter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip…</source>
        <translation>Passer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log a call…</source>
        <translation>Noter un appel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promise…</source>
        <translation>Promesse…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispute…</source>
        <translation>Litige…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment plan…</source>
        <translation>Échéancier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand off…</source>
        <translation>Transmettre…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Follow-up</source>
        <translation>Relances</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(with penalties)</source>
        <translation>(avec pénalités)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>never done: {steps}</source>
        <translation>jamais faites&#xa0;: {steps}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{number} — due {date}</source>
        <translation>{number} — échéance {date}</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n action(s)</source>
        <translation>
            <numerusform>%n action</numerusform>
            <numerusform>%n actions</numerusform>
        </translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Cannot record</source>
        <translation>Enregistrement impossible</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Payment plan</source>
        <translation>Échéancier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Payment plan to sign — {code}</source>
        <translation>Échéancier à signer — {code}</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Hand off</source>
        <translation>Transmettre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Letter to the debtor — hand-off</source>
        <translation>Courrier au débiteur — transmission du dossier</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../ui/dialogs/base.py" line="+25"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../services/core/history.py" line="+20"/>
        <source>created</source>
        <translation>création</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edited</source>
        <translation>modification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deleted</source>
        <translation>suppression</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imported</source>
        <translation>import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payment recorded</source>
        <translation>paiement enregistré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>allocation added</source>
        <translation>imputation ajoutée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>allocation removed</source>
        <translation>imputation retirée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>credit note applied</source>
        <translation>avoir imputé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>marked as disputed</source>
        <translation>mise en litige</translation>
    </message>
    <message>
        <location filename="../../services/followup/dunning.py" line="-29"/>
        <source>dunning step done</source>
        <translation>étape de relance faite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dunning step skipped</source>
        <translation>étape de relance passée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dunning step postponed</source>
        <translation>étape de relance reportée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>promise to pay</source>
        <translation>promesse de paiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dispute opened</source>
        <translation>litige ouvert</translation>
    </message>
    <message>
        <location filename="../../services/core/history.py" line="+1"/>
        <location filename="../../services/followup/dunning.py" line="+1"/>
        <source>dispute closed</source>
        <translation>litige clos</translation>
    </message>
    <message>
        <location filename="../../services/followup/dunning.py" line="+1"/>
        <source>handed off</source>
        <translation>transmise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>injonction de payer: dates recorded</source>
        <translation>injonction de payer&#xa0;: dates enregistrées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>collective procedure</source>
        <translation>procédure collective</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dunning scenario changed</source>
        <translation>scénario de relance modifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alert snoozed</source>
        <translation>alerte reportée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call or contact logged</source>
        <translation>appel ou contact noté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payment plan agreed</source>
        <translation>échéancier accordé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payment plan closed</source>
        <translation>échéancier clos</translation>
    </message>
    <message>
        <location filename="../../ui/fmt_history.py" line="+36"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>no. {id}</source>
        <translation>n°&#xa0;{id}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{field}: {before} → {after}</source>
        <translation>{field}&#xa0;: {before} → {after}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{field}: {value}</source>
        <translation>{field}&#xa0;: {value}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; </source>
        <translation>&#xa0;; </translation>
    </message>
    <message>
        <location filename="../../services/proof/documents.py" line="+85"/>
        <source>document added</source>
        <translation>document ajouté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>document replaced</source>
        <translation>document remplacé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>document moved to the trash</source>
        <translation>document mis à la corbeille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>document restored</source>
        <translation>document restauré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>document removed from the trash</source>
        <translation>document effacé de la corbeille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>copy exported</source>
        <translation>copie exportée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fingerprint verified</source>
        <translation>empreinte vérifiée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CGV acceptance recorded</source>
        <translation>acceptation des CGV enregistrée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CGV acceptance removed</source>
        <translation>acceptation des CGV retirée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CGV version added</source>
        <translation>version des CGV ajoutée</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../ui/widgets.py" line="-38"/>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="+34"/>
        <source>Import from a CSV file</source>
        <translation>Importer un fichier CSV</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoices and credit notes</source>
        <translation>Factures et avoirs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the file holds</source>
        <translation>Contenu du fichier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a .csv file</source>
        <translation>Choisissez un fichier .csv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Columns are recognised by their header, in English or French (e.g. number/numéro, client, issue_date/date, total/montant TTC). Separators , ; or tab; UTF-8 or Windows-1252; dates 2026-03-31 or 31/03/2026; amounts 1234.56 or 1 234,56 €.</source>
        <translation>Les colonnes sont reconnues par leur en-tête, en anglais ou en français (par ex. number/numéro, client, issue_date/date, total/montant TTC). Séparateur&#xa0;: virgule, point-virgule ou tabulation&#xa0;; encodage UTF-8 ou Windows-1252&#xa0;; dates 2026-03-31 ou 31/03/2026&#xa0;; montants 1234.56 ou 1&#xa0;234,56&#xa0;€.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Check</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose the CSV file</source>
        <translation>Choisir le fichier CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n problem(s) found: nothing was imported. Correct the file and try again.</source>
        <translation>
            <numerusform>%n problème détecté&#xa0;: rien n’a été importé. Corrigez le fichier et réessayez.</numerusform>
            <numerusform>%n problèmes détectés&#xa0;: rien n’a été importé. Corrigez le fichier et réessayez.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>line {line}: {column}: {reason}</source>
        <translation>ligne {line}&#xa0;: {column}&#xa0;: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n row(s) are ready to import. Nothing was written yet.</source>
        <translation>
            <numerusform>%n ligne est prête à être importée. Rien n’a encore été enregistré.</numerusform>
            <numerusform>%n lignes sont prêtes à être importées. Rien n’a encore été enregistré.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n row(s) imported.</source>
        <translation>
            <numerusform>%n ligne importée.</numerusform>
            <numerusform>%n lignes importées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InvoiceDialog</name>
    <message>
        <location filename="../../ui/dialogs/invoice_dialog.py" line="+77"/>
        <source>New credit note</source>
        <translation>Nouvel avoir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New invoice</source>
        <translation>Nouvelle facture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{kind} {number}</source>
        <translation>{kind} {number}</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+227"/>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location line="-225"/>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Issue date</source>
        <translation>Date d’émission</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>known</source>
        <translation>connue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery date</source>
        <translation>Date de livraison</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Empty = the client&apos;s terms</source>
        <translation>Vide = conditions du client</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Payment terms</source>
        <translation>Conditions de paiement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>set by hand</source>
        <translation>saisie manuelle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total incl. VAT</source>
        <translation>Total TTC</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Net amount</source>
        <translation>Montant HT</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>VAT amount</source>
        <translation>Montant de TVA</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Purchase order</source>
        <translation>Bon de commande</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Invoice number (optional)</source>
        <translation>Numéro de facture (facultatif)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applies to invoice</source>
        <translation>Facture concernée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The client disputes this invoice</source>
        <translation>Le client conteste cette facture</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Injonction de payer…</source>
        <translation>Injonction de payer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record the ordonnance and its service; see the deadlines they lead to</source>
        <translation>Enregistrer l’ordonnance et sa signification ; voir les délais qui en découlent</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Close the dispute…</source>
        <translation>Clore le litige…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a dispute…</source>
        <translation>Ouvrir un litige…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Invoice {number} — {client}</source>
        <translation>Facture {number} — {client}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Evidence file…</source>
        <translation>Dossier de preuves…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One PDF with a cover page and every proof document, for a collection agency or a court</source>
        <translation>Un seul PDF avec une page de garde et toutes les pièces justificatives, pour une société de recouvrement ou un tribunal</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Documents ({count})</source>
        <translation>Documents ({count})</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>evidence-{number}</source>
        <translation>preuves-{number}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save the invoice first, then attach its documents.</source>
        <translation>Enregistrez d’abord la facture, puis joignez-y ses documents.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove allocation</source>
        <translation>Retirer l’imputation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apply to an invoice…</source>
        <translation>Imputer sur une facture…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply a credit note…</source>
        <translation>Imputer un avoir…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Payments and credit notes</source>
        <translation>Paiements et avoirs</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Payment {label}</source>
        <translation>Paiement {label}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit note {number}</source>
        <translation>Avoir {number}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>removed on {date}</source>
        <translation>retirée le {date}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Nothing to apply for this client.</source>
        <translation>Rien à imputer pour ce client.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose:</source>
        <translation>Choisissez&#xa0;:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot apply</source>
        <translation>Imputation impossible</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Total &lt;b&gt;{total}&lt;/b&gt; — paid {paid} — balance &lt;b&gt;{balance}&lt;/b&gt; — {status}</source>
        <translation>Total &lt;b&gt;{total}&lt;/b&gt; — réglé {paid} — solde &lt;b&gt;{balance}&lt;/b&gt; — {status}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>terms not understood</source>
        <translation>conditions non reconnues</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>computed from “{terms}”</source>
        <translation>calculée d’après «&#xa0;{terms}&#xa0;»</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Saved with a warning</source>
        <translation>Enregistrement avec avertissement</translation>
    </message>
</context>
<context>
    <name>InvoicesPage</name>
    <message>
        <location filename="../../ui/pages.py" line="-126"/>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Invoices and credit notes</source>
        <translation>Factures et avoirs</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Issued from</source>
        <translation>Émises du</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Proof missing</source>
        <translation>Preuves manquantes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Invoices without a signed quote or order, a signed delivery note or accepted CGV</source>
        <translation>Factures sans devis ou bon de commande signé, sans bon de livraison signé ou sans CGV acceptées</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Search invoices: number, client, order… (Ctrl+F)</source>
        <translation>Rechercher une facture&#xa0;: numéro, client, commande… (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New invoice</source>
        <translation>Nouvelle facture</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n pièce</numerusform>
            <numerusform>%n pièces</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Delete {number} ({total})? Only a document entered by mistake should be deleted; its deletion is kept in the history.</source>
        <translation>Supprimer {number} ({total})&#xa0;? Ne supprimez qu’une pièce saisie par erreur&#xa0;; sa suppression restera tracée dans l’historique.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Invoice {number} — {client}</source>
        <translation>Facture {number} — {client}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="+10"/>
        <source>Business</source>
        <translation>Professionnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consumer</source>
        <translation>Particulier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-profit body</source>
        <translation>Personne morale non professionnelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public buyer</source>
        <translation>Acheteur public</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit note</source>
        <translation>Avoir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paid</source>
        <translation>Réglée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not due</source>
        <translation>Non échue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Non réglée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transfer</source>
        <translation>Virement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cheque</source>
        <translation>Chèque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card</source>
        <translation>Carte bancaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direct debit</source>
        <translation>Prélèvement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bill of exchange</source>
        <translation>Effet de commerce (LCR)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Terms of sale (CGV)</source>
        <translation>Conditions générales de vente (CGV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quote</source>
        <translation>Devis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchase order</source>
        <translation>Bon de commande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery note</source>
        <translation>Bon de livraison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoice copy</source>
        <translation>Copie de facture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledgment of receipt</source>
        <translation>Accusé de réception</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correspondence</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+46"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Signed quote or order</source>
        <translation>Devis ou commande signé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed delivery note</source>
        <translation>Bon de livraison signé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted CGV</source>
        <translation>CGV acceptées</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pre-reminder</source>
        <translation>Pré-relance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder</source>
        <translation>Relance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formal notice</source>
        <translation>Mise en demeure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final notice</source>
        <translation>Dernier avis avant poursuites</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collection agency</source>
        <translation>Société de recouvrement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Small-claims procedure</source>
        <translation>Procédure petites créances</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Injonction de payer</source>
        <translation>Injonction de payer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moratorium interest claim</source>
        <translation>Demande d’intérêts moratoires</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Letter</source>
        <translation>Lettre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail draft</source>
        <translation>Brouillon d’e-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered letter</source>
        <translation>Lettre recommandée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Due soon</source>
        <translation>Bientôt échues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dunning step due</source>
        <translation>Relances à faire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promise due today</source>
        <translation>Promesse due aujourd’hui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Broken promise</source>
        <translation>Promesse non tenue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missed instalment</source>
        <translation>Échéance manquée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Over credit limit</source>
        <translation>Encours dépassé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit-insurance deadline</source>
        <translation>Délai assureur-crédit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim soon time-barred</source>
        <translation>Bientôt prescrites</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue, proof missing</source>
        <translation>En retard, preuves manquantes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declare the claim</source>
        <translation>Déclarer la créance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serve the ordonnance</source>
        <translation>Signifier l’ordonnance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opposition period over</source>
        <translation>Délai d’opposition écoulé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rates not entered</source>
        <translation>Taux non saisis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not received</source>
        <translation>Non reçue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality</source>
        <translation>Qualité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Says it already paid</source>
        <translation>Dit avoir déjà payé</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="-226"/>
        <source>Credit to apply</source>
        <translation>Avoir à imputer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>disputed</source>
        <translation>en litige</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>✔ complete</source>
        <translation>✔ complètes</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Overdue with proof missing: gather the documents before escalating.</source>
        <translation>En retard et preuves manquantes&#xa0;: réunissez les pièces avant d’aller plus loin.</translation>
    </message>
    <message>
        <location filename="../../services/core/legal_status.py" line="+94"/>
        <source>SAS — simplified joint-stock company</source>
        <extracomment>code -&gt; legal form, in the editor&apos;s order (shared/domain.md §4.6.1)</extracomment>
        <translation>SAS — société par actions simplifiée</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SASU — single-shareholder simplified joint-stock company</source>
        <translation>SASU — société par actions simplifiée unipersonnelle</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SARL — limited liability company</source>
        <translation>SARL — société à responsabilité limitée</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>EURL — single-member limited liability company</source>
        <translation>EURL — entreprise unipersonnelle à responsabilité limitée</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SA — public limited company</source>
        <translation>SA — société anonyme</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SNC — general partnership</source>
        <translation>SNC — société en nom collectif</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SCS — limited partnership</source>
        <translation>SCS — société en commandite simple</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SCA — partnership limited by shares</source>
        <translation>SCA — société en commandite par actions</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>EI — sole trader (incl. micro-entrepreneur)</source>
        <translation>EI — entrepreneur individuel (dont micro-entrepreneur)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>SELARL — professional practice company (limited)</source>
        <translation>SELARL — société d’exercice libéral à responsabilité limitée</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>SELAS — professional practice company (simplified)</source>
        <translation>SELAS — société d’exercice libéral par actions simplifiée</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SELAFA — professional practice company (public limited)</source>
        <translation>SELAFA — société d’exercice libéral à forme anonyme</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SELCA — professional practice company (partnership)</source>
        <translation>SELCA — société d’exercice libéral en commandite par actions</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SCI — property holding company</source>
        <translation>SCI — société civile immobilière</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SCP — professional partnership</source>
        <translation>SCP — société civile professionnelle</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SCM — cost-sharing partnership</source>
        <translation>SCM — société civile de moyens</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Other civil company (SCCV, SCEA…)</source>
        <translation>Autre société civile (SCCV, SCEA…)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Liberal profession in their own name</source>
        <translation>Profession libérale en nom propre</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>GAEC — farming partnership</source>
        <translation>GAEC — groupement agricole d’exploitation en commun</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>EARL — limited liability farm</source>
        <translation>EARL — exploitation agricole à responsabilité limitée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Farmer in their own name</source>
        <translation>Exploitant agricole en nom propre</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Other non-merchant professional</source>
        <translation>Autre professionnel non commerçant</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Association</source>
        <translation>Association</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Syndicat de copropriétaires (flat owners&apos; association)</source>
        <translation>Syndicat de copropriétaires</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Foundation</source>
        <translation>Fondation</translation>
    </message>
</context>
<context>
    <name>LettersDialog</name>
    <message>
        <location filename="../../ui/letters_dialog.py" line="+141"/>
        <source>The letters could not be prepared (see the log).</source>
        <translation>Les courriers n’ont pas pu être préparés (voir le journal).</translation>
    </message>
    <message>
        <location line="-83"/>
        <location line="+126"/>
        <location line="+35"/>
        <source>Letters of the day</source>
        <translation>Courriers du jour</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>Preparing the letters…</source>
        <translation>Préparation des courriers…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Print and save these provisional amounts anyway</source>
        <translation>Imprimer et enregistrer quand même ces montants provisoires</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record as sent</source>
        <translation>Consigner l’envoi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The actions are marked done and each letter is kept in its client&apos;s documents</source>
        <translation>Les actions sont marquées faites et chaque courrier est conservé dans les documents de son client</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Send e-mails</source>
        <translation>Envoyer les e-mails</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The letters of steps whose channel is e-mail are sent as e-mails (the letter attached); without a connection they wait in the send queue</source>
        <translation>Les lettres des étapes dont le canal est l’e-mail partent par e-mail (la lettre en pièce jointe)&#xa0;; sans connexion, elles attendent dans la file d’envoi</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No letter to send on this date.</source>
        <translation>Aucun courrier à envoyer à cette date.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n letter(s) to send.</source>
        <translation>
            <numerusform>%n courrier à envoyer.</numerusform>
            <numerusform>%n courriers à envoyer.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note: {warning}</source>
        <translation>Remarque&#xa0;: {warning}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The late charges in the letters to {clients} use a rate not entered yet: they are provisional. Enter the rate in Settings ▸ Late charges and prepare the letters again, or confirm below to print them as they are.</source>
        <translation>Les pénalités des courriers à {clients} utilisent un taux pas encore saisi&#xa0;: elles sont provisoires. Saisissez le taux dans Paramètres ▸ Pénalités et courriers puis préparez à nouveau les courriers, ou confirmez ci-dessous pour les imprimer tels quels.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Save the letters in</source>
        <translation>Enregistrer les courriers dans</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The letters could not be saved: {detail}</source>
        <translation>Les courriers n’ont pas pu être enregistrés&#xa0;: {detail}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Were the letters sent? They will be recorded as done and kept in the clients&apos; documents.</source>
        <translation>Les courriers ont-ils été envoyés&#xa0;? Ils seront consignés comme faits et conservés dans les documents des clients.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Registered letters</source>
        <translation>Lettres recommandées</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tracking number of each registered letter (it can be left empty):</source>
        <translation>Le numéro de suivi de chaque lettre recommandée (il peut rester vide)&#xa0;:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>e.g. 1A 123 456 7890 1</source>
        <translation>ex. 1A 123 456 7890 1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Record</source>
        <translation>Consigner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Recorded as sent.</source>
        <translation>Envoi consigné.</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../ui/list_page.py" line="+56"/>
        <source>Create (Ctrl+N)</source>
        <extracomment>what the rows show (BOOK always counts)</extracomment>
        <translation>Créer (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+184"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Search…</source>
        <translation>Rechercher…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Cannot delete</source>
        <translation>Suppression impossible</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+73"/>
        <source>Encaisse — receivables</source>
        <extracomment>the start-up alerts wait this long after the window is shown, so the first paint never shares the processor with them an automatic backup that fails this long after the last good one is said out loud a backup started from the window ended: its BackupInfo, or None when it failed</extracomment>
        <translation>Encaisse — suivi des créances</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Start</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>Relances</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Database: {path}</source>
        <translation>Base de données&#xa0;: {path}</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>&amp;File</source>
        <extracomment>set when the window is replaced (a change of language): no backup then</extracomment>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My &amp;company…</source>
        <translation>Mon &amp;entreprise…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import CSV</source>
        <translation>&amp;Importer un fichier CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clients…</source>
        <translation>Clients…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoices…</source>
        <translation>Factures et avoirs…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments…</source>
        <translation>Paiements…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill with &amp;demo data</source>
        <translation>Charger des données de &amp;démonstration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Restore a backup…</source>
        <translation>Restaurer une sa&amp;uvegarde…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport all data…</source>
        <translation>E&amp;xporter toutes les données…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E-&amp;mail account…</source>
        <translation>Compte de &amp;messagerie…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Entries</source>
        <translation>&amp;Saisie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;client…</source>
        <translation>Nouveau &amp;client…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;invoice…</source>
        <translation>Nouvelle &amp;facture…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New credit &amp;note…</source>
        <translation>Nouvel &amp;avoir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a &amp;payment…</source>
        <translation>Enregistrer un &amp;paiement…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Clients</source>
        <translation>&amp;Clients</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Invoices</source>
        <translation>&amp;Factures</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Payments</source>
        <translation>&amp;Paiements</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Overdue invoices</source>
        <translation>Factures en &amp;retard</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Follow-up</source>
        <translation>R&amp;elances</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Check the book and documents…</source>
        <translation>&amp;Vérifier le dossier et les documents…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document &amp;trash…</source>
        <translation>&amp;Corbeille des documents…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proof &amp;missing on overdue invoices</source>
        <translation>&amp;Preuves manquantes sur les factures en retard</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dunning scenarios…</source>
        <translation>&amp;Scénarios de relance…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Late charges and letters…</source>
        <translation>Pénalités et c&amp;ourriers…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter &amp;texts…</source>
        <translation>&amp;Textes des courriers…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail send &amp;queue…</source>
        <translation>&amp;File d’envoi des e-mails…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Encaisse</source>
        <translation>À &amp;propos d’Encaisse</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n document(s) deleted more than 30 days ago removed from the trash.</source>
        <translation>
            <numerusform>%n document supprimé il y a plus de 30 jours a été effacé de la corbeille.</numerusform>
            <numerusform>%n documents supprimés il y a plus de 30 jours ont été effacés de la corbeille.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Outstanding {total} — overdue {overdue} — {date}</source>
        <translation>Encours {total} — échu {overdue} — {date}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Company details saved.</source>
        <translation>Coordonnées de l’entreprise enregistrées.</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+12"/>
        <source>Demo data</source>
        <translation>Données de démonstration</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Demo data can only be added to an empty book. Open another database with --db to explore the demo.</source>
        <translation>Les données de démonstration ne peuvent être ajoutées qu’à un dossier vide. Ouvrez une autre base de données avec l’option --db pour découvrir la démonstration.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Demo data loaded.</source>
        <translation>Données de démonstration chargées.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>E-mail account saved.</source>
        <translation>Compte de messagerie enregistré.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>About Encaisse</source>
        <translation>À propos d’Encaisse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Encaisse&lt;/b&gt; {version}&lt;br&gt;Get paid: receivables, reminders and letters for French small businesses.&lt;br&gt;&lt;br&gt;Book: {path}&lt;br&gt;Company: {company}</source>
        <translation>&lt;b&gt;Encaisse&lt;/b&gt; {version}&lt;br&gt;Encaissez vos factures&#xa0;: suivi des créances, relances et courriers pour les petites entreprises françaises.&lt;br&gt;&lt;br&gt;Dossier&#xa0;: {path}&lt;br&gt;Entreprise&#xa0;: {company}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A backup is already running.</source>
        <translation>Une sauvegarde est déjà en cours.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Backing up…</source>
        <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The backup was cancelled.</source>
        <translation>La sauvegarde a été annulée.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+11"/>
        <location line="+15"/>
        <location line="+14"/>
        <location line="+115"/>
        <location line="+11"/>
        <source>Backup</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <location line="-143"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The automatic backup failed: {message}

Last backup: {since}. Check the backup folder in Settings (is the USB key or the network folder there?).</source>
        <translation>La sauvegarde automatique a échoué&#xa0;: {message}

Dernière sauvegarde&#xa0;: {since}. Vérifiez le dossier des sauvegardes dans les Paramètres (la clé USB ou le dossier réseau est-il bien là&#xa0;?).</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Checking every file in the backup…</source>
        <translation>Vérification de chaque fichier de la sauvegarde…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Restore the backup of {date}?

{counts}

The current book is backed up first, then replaced.</source>
        <translation>Restaurer la sauvegarde du {date}&#xa0;?

{counts}

Le dossier actuel est d’abord sauvegardé, puis remplacé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Backing up the current book first…</source>
        <translation>Sauvegarde préalable du dossier actuel…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Backup of {date} restored; the previous book is kept in {path}.</source>
        <translation>Sauvegarde du {date} restaurée&#xa0;; le dossier précédent est conservé dans {path}.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Backing up before closing…</source>
        <translation>Sauvegarde avant de fermer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The backup on closing failed: {message}</source>
        <translation>La sauvegarde à la fermeture a échoué&#xa0;: {message}</translation>
    </message>
    <message>
        <location line="-172"/>
        <source>Backed up to {path}</source>
        <translation>Sauvegardé dans {path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The backup is written, but {count} stored document(s) no longer match their fingerprint; they were copied as they are. Run Tools ▸ Check the book and documents.</source>
        <translation>La sauvegarde est écrite, mais {count} document(s) conservé(s) ne correspondent plus à leur empreinte&#xa0;; ils ont été copiés tels quels. Lancez Outils ▸ Vérifier le dossier et les documents.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Automatic backup failed: {message}</source>
        <translation>La sauvegarde automatique a échoué&#xa0;: {message}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Finishing the backup…</source>
        <translation>Fin de la sauvegarde…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Backups (*.zip)</source>
        <translation>Sauvegardes (*.zip)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <location line="+6"/>
        <location line="+8"/>
        <location line="+10"/>
        <location line="+6"/>
        <location line="+8"/>
        <source>Restore</source>
        <translation>Restauration</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/app.py" line="+31"/>
        <source>This book is already open in another Encaisse window ({path}). Switch to that window, or close it first.</source>
        <translation>Ce dossier est déjà ouvert dans une autre fenêtre d’Encaisse ({path}). Passez à cette fenêtre, ou fermez-la d’abord.</translation>
    </message>
    <message>
        <location filename="../../cli/app.py" line="+24"/>
        <source>the database {target} cannot be opened: {detail}</source>
        <translation>impossible d’ouvrir la base de données {target}&#xa0;: {detail}</translation>
    </message>
    <message>
        <location filename="../../services/ledger/clients.py" line="+24"/>
        <location filename="../../services/ledger/invoices.py" line="+25"/>
        <location filename="../../services/ledger/payments.py" line="+43"/>
        <source>this field is required.</source>
        <translation>ce champ est obligatoire.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the code &apos;{code}&apos; is already used by another client.</source>
        <translation>le code «&#xa0;{code}&#xa0;» est déjà utilisé par un autre client.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{value}&apos; is not a kind of client (pro, consumer, nonprofit, public).</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un type de client valide (pro, consumer, nonprofit, public).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{value}&apos; is not a language of letters (fr, en).</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une langue de courrier valide (fr, en).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{value}&apos; is not a two-letter country code (FR, BE…).</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un code pays à deux lettres (FR, BE…).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is not a number of days between 1 and 365</source>
        <translation>{value} n’est pas un nombre de jours entre 1 et 365</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the client {code} holds proof documents (also in the trash) and cannot be deleted.</source>
        <translation>le client {code} a des pièces justificatives (y compris dans la corbeille) et ne peut pas être supprimé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the client {code} has invoices or payments and cannot be deleted.</source>
        <translation>le client {code} ne peut pas être supprimé car il a des factures ou des paiements.</translation>
    </message>
    <message>
        <location filename="../../services/core/lookups.py" line="+25"/>
        <source>no client has the code &apos;{code}&apos;.</source>
        <translation>aucun client n’a le code «&#xa0;{code}&#xa0;».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this client no longer exists.</source>
        <extracomment>a client or an invoice known by its id, deleted meanwhile (never &quot;no client with code 12&quot;)</extracomment>
        <translation>ce client n’existe plus.</translation>
    </message>
    <message>
        <location filename="../../services/core/company.py" line="+20"/>
        <source>the company name is required.</source>
        <translation>la raison sociale est obligatoire.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>choose method A or B.</source>
        <translation>choisissez la méthode A ou B.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{value}&apos; is not an e-mail address.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une adresse e-mail valide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{value}&apos; is not a register of companies (RCS, RM or RNE).</source>
        <translation>«&#xa0;{{value}}&#xa0;» n’est pas un registre des entreprises (RCS, RM ou RNE).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the town of the RCS registry is required with an RCS registration (RCS Lyon…).</source>
        <translation>la ville du greffe est obligatoire avec une immatriculation au RCS (RCS Lyon…).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the registration number is required (or the SIREN) with a register.</source>
        <translation>le numéro d’immatriculation (ou le SIREN) est obligatoire avec un registre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the RCS number is the SIREN ({siren}), not {value}.</source>
        <translation>le numéro RCS est le SIREN ({siren}), pas {value}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>choose the register (RCS, RM or RNE) this number belongs to.</source>
        <translation>choisissez le registre (RCS, RM ou RNE) de ce numéro.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the signatory&apos;s title is required (gérant, président…).</source>
        <translation>la qualité du signataire est obligatoire (gérant, président…).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the signatory&apos;s name is required with a title.</source>
        <translation>le nom du signataire est obligatoire avec sa qualité.</translation>
    </message>
    <message>
        <location filename="../../services/core/db.py" line="+32"/>
        <source>This book was written by a newer version of Encaisse (schema {revision}). Install the newer version to open it.</source>
        <translation>Ce dossier a été enregistré par une version plus récente d’Encaisse (schéma {revision}). Installez cette version pour l’ouvrir.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database {path} cannot be opened: {detail}</source>
        <translation>Impossible d’ouvrir la base de données {path}&#xa0;: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database {path} is read-only: nothing can be saved. Check the folder&apos;s permissions.</source>
        <translation>La base de données {path} est en lecture seule&#xa0;: aucune modification ne peut être enregistrée. Vérifiez les droits d’accès du répertoire.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The disk is full: nothing was saved. Free some space and try again.</source>
        <translation>Le disque est plein&#xa0;: rien n’a été enregistré. Libérez de l’espace, puis réessayez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database is busy (used by another program). Try again in a moment.</source>
        <translation>La base de données est occupée (utilisée par un autre programme). Réessayez dans un instant.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file {path} is not an Encaisse database or is damaged.</source>
        <translation>Le fichier {path} n’est pas une base de données Encaisse, ou il est endommagé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database server {server} cannot be reached ({detail}). Check that it is running and that its address and port are right.</source>
        <translation>Le serveur de base de données {server} est injoignable ({detail}). Vérifiez qu’il est démarré et que son adresse et son port sont les bons.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database server {server} refused the login of {user} ({detail}). Check the user name and the password.</source>
        <translation>Le serveur de base de données {server} a refusé la connexion de {user} ({detail}). Vérifiez le nom d’utilisateur et le mot de passe.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database {database} does not exist on the server {server}. Create it, empty: Encaisse creates its tables at the first start.</source>
        <translation>La base de données {database} n’existe pas sur le serveur {server}. Créez-la, vide&#xa0;: Encaisse crée ses tables au premier démarrage.</translation>
    </message>
    <message>
        <location filename="../../services/core/identifiers.py" line="+26"/>
        <source>&apos;{value}&apos; has the wrong length ({expected}).</source>
        <translation>«&#xa0;{value}&#xa0;» n’a pas la bonne longueur ({expected}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{value}&apos; has an invalid format ({expected}).</source>
        <translation>«&#xa0;{value}&#xa0;» n’a pas un format valide ({expected}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{value}&apos; is not valid: the check digits do not match (mistyped?).</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas valide&#xa0;: la clé de contrôle ne correspond pas (erreur de saisie&#xa0;?).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{value}&apos; is not valid: {detail}.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas valide&#xa0;: {detail}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the SIRET {siret} does not start with the SIREN {siren}.</source>
        <translation>le SIRET {siret} ne commence pas par le SIREN {siren}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the VAT number {vat} does not match the SIREN {siren}.</source>
        <translation>le numéro de TVA {vat} ne correspond pas au SIREN {siren}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>9 digits</source>
        <extracomment>Expected shapes, translated by the UI when shown as a message parameter.</extracomment>
        <translation>9 chiffres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>14 digits</source>
        <translation>14 chiffres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FR + 2 characters + 9 digits</source>
        <translation>FR + 2 caractères + 9 chiffres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FR76 …, up to 34 characters</source>
        <translation>FR76 …, 34 caractères au plus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>8 or 11 characters</source>
        <translation>8 ou 11 caractères</translation>
    </message>
    <message>
        <location filename="../../services/ledger/imports.py" line="+74"/>
        <source>the file {path} cannot be read: {detail}</source>
        <extracomment>The largest file an import reads and the largest value it accepts in one cell are settings of the book (services.core.settings): beyond them, a message (issue #11). the bytes read at a time: a file is never held whole, as bytes or as text (issue #11)</extracomment>
        <translation>impossible de lire le fichier {path}&#xa0;: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file {path} is empty (no header line).</source>
        <translation>le fichier {path} est vide (aucune ligne d’en-tête).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file {path} has a header line but no rows.</source>
        <translation>le fichier {path} a une ligne d&apos;en-tête mais aucune ligne de données.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file {path} is larger than the limit of {limit} MB for an import.</source>
        <translation>le fichier {path} dépasse la limite de {limit} Mo pour un import.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line {line} of {path} holds a value of {size} KiB, over the limit of {limit} KiB for one value.</source>
        <translation>la ligne {line} de {path} contient une valeur de {size} Kio, au-delà de la limite de {limit} Kio par valeur.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file {path} mixes text encodings: line {line} is not UTF-8 like the other lines. Save the file again as UTF-8.</source>
        <translation>le fichier {path} mélange des encodages&#xa0;: la ligne {line} n&apos;est pas en UTF-8 comme les autres lignes. Enregistrez de nouveau le fichier en UTF-8.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file {path} is not valid {encoding}: line {line} holds a byte that is not a character. Save the file again as UTF-8.</source>
        <translation>le fichier {path} n&apos;est pas un {encoding} valide&#xa0;: la ligne {line} contient un octet qui n&apos;est pas un caractère. Enregistrez de nouveau le fichier en UTF-8.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file {path} changed while it was being read: nothing was imported. Try again once the program writing it has finished.</source>
        <translation>le fichier {path} a changé pendant sa lecture&#xa0;: rien n&apos;a été importé. Réessayez quand le programme qui l&apos;écrit aura terminé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>line {line} of {path} cannot be read as CSV: {detail}</source>
        <translation>la ligne {line} de {path} ne peut pas être lue comme du CSV&#xa0;: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{value}&apos; cannot be imported (clients, invoices, payments).</source>
        <translation>«&#xa0;{value}&#xa0;» ne peut pas être importé (clients, invoices, payments).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>missing required column</source>
        <translation>colonne obligatoire manquante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the same column as &apos;{other}&apos; (appears twice)</source>
        <translation>même colonne que «&#xa0;{other}&#xa0;» (en double)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a value outside any column (&apos;{value}&apos;)</source>
        <translation>valeur hors de toute colonne («&#xa0;{value}&#xa0;»)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the code &apos;{code}&apos; appears twice in the file (first on line {line}).</source>
        <translation>le code «&#xa0;{code}&#xa0;» figure deux fois dans le fichier (première occurrence ligne {line}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the number &apos;{number}&apos; appears twice in the file (first on line {line}).</source>
        <translation>le numéro «&#xa0;{number}&#xa0;» figure deux fois dans le fichier (première occurrence ligne {line}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>refused by the database ({detail}).</source>
        <translation>refusé par la base de données ({detail}).</translation>
    </message>
    <message>
        <location filename="../../services/core/settings.py" line="-25"/>
        <source>choose a number from {low} to {high}.</source>
        <translation>choisissez un nombre de {low} à {high}.</translation>
    </message>
    <message>
        <location filename="../../services/ledger/clients.py" line="+3"/>
        <location filename="../../services/ledger/imports.py" line="+967"/>
        <source>&apos;{value}&apos; is neither yes nor no.</source>
        <extracomment>the client an invoice or a payment belongs to, by its code field -&gt; accepted header names, in the normalised form of :func:`normalise_header`. The first name of each field is the English name of the issue&apos;s format. which invoices a payment pays, or a credit note is set against (issue #11, point 7): ``F2025-001=120.00;F2025-002=30.00`` the error itself, for a translated reason (``error.reason(translate)``) a byte beyond ASCII the state of the line being scanned in a file without a BOM the company&apos;s terms and end-of-month method, read once for all the rows (preload)</extracomment>
        <translation>«&#xa0;{value}&#xa0;» n’est ni oui ni non.</translation>
    </message>
    <message>
        <location filename="../../services/ledger/imports.py" line="+1"/>
        <source>&apos;{value}&apos; is not a list of invoices with amounts (F2025-001=120.00;F2025-002=30.00).</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une liste de factures avec leurs montants (F2025-001=120,00;F2025-002=30,00).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>give either an invoice or allocations, not both.</source>
        <translation>indiquez soit une facture, soit des imputations, pas les deux.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>only a credit note is set against invoices; an invoice&apos;s payments go in the payments file.</source>
        <translation>seul un avoir s’impute sur des factures&#xa0;; les règlements d’une facture vont dans le fichier des règlements.</translation>
    </message>
    <message>
        <location filename="../../services/ledger/invoices.py" line="+1"/>
        <source>the number &apos;{number}&apos; is already used.</source>
        <translation>le numéro «&#xa0;{number}&#xa0;» est déjà utilisé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{value}&apos; is not a kind of invoice (invoice, credit_note).</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un type de pièce valide (invoice, credit_note).</translation>
    </message>
    <message>
        <location filename="../../services/core/money.py" line="+25"/>
        <source>&apos;{value}&apos; is not a three-letter currency code (EUR…).</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un code devise à trois lettres (EUR…).</translation>
    </message>
    <message>
        <location filename="../../services/ledger/invoices.py" line="+3"/>
        <source>the total must be greater than zero.</source>
        <translation>le total doit être supérieur à zéro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>net {net} + VAT {vat} does not equal the total {total}.</source>
        <translation>le montant HT {net} + la TVA {vat} n’est pas égal au total {total}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the invoice {number} holds proof documents (also in the trash) and cannot be deleted.</source>
        <translation>la facture {number} a des pièces justificatives (y compris dans la corbeille) et ne peut pas être supprimée.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the invoice {number} has payments or credit notes set against it and cannot be deleted; remove the allocations first, or cancel it with a credit note.</source>
        <translation>la facture {number} ne peut pas être supprimée car des paiements ou des avoirs y sont imputés&#xa0;; retirez d’abord les imputations, ou annulez-la par un avoir.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the total cannot be less than what is already paid or applied ({allocated}).</source>
        <translation>le total ne peut pas être inférieur au montant déjà réglé ou imputé ({allocated}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot be changed while payments or credit notes are set against this document.</source>
        <translation>modification impossible tant que des paiements ou des avoirs sont imputés sur cette pièce.</translation>
    </message>
    <message>
        <location filename="../../services/core/lookups.py" line="+1"/>
        <source>this invoice no longer exists.</source>
        <translation>cette facture n’existe plus.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>no invoice has the number &apos;{number}&apos;.</source>
        <translation>aucune facture ne porte le numéro «&#xa0;{number}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../services/ledger/invoices.py" line="+5"/>
        <source>The due date {due} is before the issue date {issue}.</source>
        <translation>L’échéance du {due} est antérieure à la date d’émission du {issue}.</translation>
    </message>
    <message>
        <location filename="../../services/core/money.py" line="-5"/>
        <source>&apos;{value}&apos; is not an amount.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un montant valide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the amount must not be negative.</source>
        <translation>le montant ne doit pas être négatif.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the amount must be greater than zero.</source>
        <translation>le montant doit être supérieur à zéro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at most two decimals are allowed.</source>
        <translation>deux décimales au maximum sont autorisées.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the amount is too large.</source>
        <translation>le montant est trop élevé.</translation>
    </message>
    <message>
        <location filename="../../services/ledger/payments.py" line="+1"/>
        <source>&apos;{value}&apos; is not a payment method (transfer, cheque, card, cash, direct_debit, bill_of_exchange).</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un mode de règlement valide (transfer, cheque, card, cash, direct_debit, bill_of_exchange).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the payment of {amount} is more than the {due} the client owes; the difference of {extra} will be kept as credit on the client.</source>
        <translation>le paiement de {amount} dépasse le montant dû par le client ({due})&#xa0;; l’excédent de {extra} restera en crédit sur son compte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the invoice {number} belongs to another client.</source>
        <translation>la facture {number} appartient à un autre client.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the invoice {number} is in {invoice_currency}, the payment in {currency}.</source>
        <translation>la facture {number} est en {invoice_currency}, le paiement en {currency}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{number} is a credit note, not an invoice.</source>
        <translation>{number} est un avoir, pas une facture.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{number} is not a credit note.</source>
        <translation>{number} n’est pas un avoir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only {open} is left to pay on the invoice {number}.</source>
        <translation>il ne reste que {open} à régler sur la facture {number}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>only {free} is left to allocate.</source>
        <translation>il ne reste que {free} à imputer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing is left to allocate.</source>
        <translation>il ne reste rien à imputer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this allocation was already removed.</source>
        <translation>cette imputation a déjà été retirée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this payment no longer exists.</source>
        <translation>ce paiement n’existe plus.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this allocation no longer exists.</source>
        <translation>cette imputation n’existe plus.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the amount cannot be less than what is already allocated ({allocated}).</source>
        <translation>le montant ne peut pas être inférieur au montant déjà imputé ({allocated}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot be changed while the payment is allocated; remove its allocations first.</source>
        <translation>modification impossible tant que le paiement est imputé&#xa0;; retirez d’abord ses imputations.</translation>
    </message>
    <message>
        <location filename="../../services/core/terms.py" line="+32"/>
        <source>&apos;{text}&apos; is not understood. Examples: &apos;à réception&apos;, &apos;30 jours&apos;, &apos;45 jours fin de mois&apos;, &apos;30 jours fin de mois le 10&apos;, &apos;le 15/03/2026&apos;.</source>
        <translation>«&#xa0;{text}&#xa0;» n’est pas reconnu. Exemples&#xa0;: «&#xa0;à réception&#xa0;», «&#xa0;30 jours&#xa0;», «&#xa0;45 jours fin de mois&#xa0;», «&#xa0;30 jours fin de mois le 10&#xa0;», «&#xa0;le 15/03/2026&#xa0;».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the number of days must be between 0 and 365.</source>
        <translation>le nombre de jours doit être compris entre 0 et 365.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the day of the month must be between 1 and 31.</source>
        <translation>le jour du mois doit être compris entre 1 et 31.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{text}&apos; is not a valid date.</source>
        <translation>«&#xa0;{text}&#xa0;» n’est pas une date valide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{date} is outside the dates Encaisse accepts ({first} to {last}).</source>
        <translation>{date} est en dehors des dates qu&apos;Encaisse accepte (du {first} au {last}).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The due date {due} exceeds both legal caps for a business client (60 days: {cap60}; 45 days end of month: {cap45}) — art. L441-10 of the Code de commerce.</source>
        <extracomment>Every date a user gives is within these (issue #11): beyond them, date arithmetic overflows (9999-12-31 + 30 days) or gives absurd results (0001-01-01: 739,921 days late).</extracomment>
        <translation>L’échéance du {due} dépasse les deux plafonds légaux applicables à un client professionnel (60 jours&#xa0;: {cap60}&#xa0;; 45 jours fin de mois&#xa0;: {cap45}) — art. L441-10 du Code de commerce.</translation>
    </message>
    <message>
        <location filename="../../services/book/demo.py" line="+50"/>
        <source>the database already holds data; demo data goes into an empty database (or use --force to add it alongside, with prefixed codes).</source>
        <translation>la base de données contient déjà des données&#xa0;; les données de démonstration se chargent dans une base vide (ou utilisez --force pour les ajouter en plus, avec des codes préfixés).</translation>
    </message>
    <message>
        <location filename="../../services/core/errors.py" line="+19"/>
        <source>{field}: {reason}</source>
        <extracomment>How a field&apos;s error reads: &quot;SIREN: the check digits do not match&quot;.</extracomment>
        <translation>{field}&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../services/proof/documents.py" line="-48"/>
        <source>Terms of sale (CGV)</source>
        <translation>Conditions générales de vente (CGV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quote</source>
        <translation>Devis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchase order</source>
        <translation>Bon de commande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery note</source>
        <translation>Bon de livraison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoice copy</source>
        <translation>Copie de facture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledgment of receipt</source>
        <translation>Accusé de réception</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correspondence</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown kind {value}; expected one of {choices}</source>
        <translation>type {value} inconnu&#xa0;; attendu&#xa0;: {choices}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>say which invoice or client the document belongs to</source>
        <translation>indiquez à quelle facture ou à quel client appartient le document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this document no longer exists</source>
        <translation>ce document n’existe plus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the signature date {value} is in the future</source>
        <translation>la date de signature {value} est dans le futur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at most {max} characters</source>
        <translation>{max} caractères au plus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>choose at least one file</source>
        <translation>choisissez au moins un fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this document is in the trash; restore it first</source>
        <translation>ce document est dans la corbeille&#xa0;; restaurez-le d’abord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this document is not in the trash</source>
        <translation>ce document n’est pas dans la corbeille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this document was deleted more than {days} days ago and can no longer be restored</source>
        <translation>ce document a été supprimé il y a plus de {days} jours et ne peut plus être restauré</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this is an earlier version; replace or delete the current one</source>
        <translation>c’est une version antérieure&#xa0;; remplacez ou supprimez la version actuelle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a CGV version labelled {value} already exists</source>
        <translation>une version des CGV nommée {value} existe déjà</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a CGV version is already in force from {value}</source>
        <translation>une version des CGV est déjà en vigueur à partir du {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>give the version a label</source>
        <translation>donnez un nom à la version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no CGV version {value}</source>
        <translation>aucune version des CGV {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no CGV version is in force on {value}; add one in the company&apos;s settings</source>
        <translation>aucune version des CGV n’est en vigueur le {value}&#xa0;; ajoutez-en une dans la fiche de l’entreprise</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the stored copy is {state}; run the integrity check (Tools menu)</source>
        <translation>la copie conservée est {state}&#xa0;; lancez la vérification (menu Outils)</translation>
    </message>
    <message>
        <location filename="../../services/core/settings.py" line="-1"/>
        <source>give a size between 1 and 2000 MB</source>
        <translation>indiquez une taille entre 1 et 2000 Mo</translation>
    </message>
    <message>
        <location filename="../../services/proof/documents.py" line="+606"/>
        <source>missing</source>
        <translation>manquante</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>altered</source>
        <translation>altérée</translation>
    </message>
    <message>
        <location line="+180"/>
        <source>document {id} “{title}”: the stored file is missing ({sha})</source>
        <translation>document {id} «&#xa0;{title}&#xa0;»&#xa0;: le fichier conservé est manquant ({sha})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>document {id} “{title}”: the stored file was altered (its SHA-256 no longer matches {sha})</source>
        <translation>document {id} «&#xa0;{title}&#xa0;»&#xa0;: le fichier conservé a été altéré (son SHA-256 ne correspond plus à {sha})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a stored file belongs to no document: {path}</source>
        <translation>un fichier conservé n’appartient à aucun document&#xa0;: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a partial copy was left by an interrupted attachment: {path}</source>
        <translation>une copie partielle a été laissée par un ajout interrompu&#xa0;: {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a partial copy was left by an interrupted restore: {path}</source>
        <translation>une copie partielle a été laissée par une restauration interrompue&#xa0;: {path}</translation>
    </message>
    <message>
        <location filename="../../services/paper/dossier.py" line="+24"/>
        <source>the stored copy of “{title}” is {state}; run the integrity check before building an evidence file</source>
        <translation>la copie conservée de «&#xa0;{title}&#xa0;» est {state}&#xa0;; lancez la vérification avant de constituer un dossier de preuves</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file {path} cannot be written: {detail}</source>
        <translation>le fichier {path} ne peut pas être écrit&#xa0;: {detail}</translation>
    </message>
    <message>
        <location filename="../../services/proof/rules.py" line="+38"/>
        <source>signed quote or purchase order</source>
        <translation>devis ou bon de commande signé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signed delivery note</source>
        <translation>bon de livraison signé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted terms of sale (CGV)</source>
        <translation>CGV acceptées</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>this invoice no longer exists</source>
        <translation>cette facture n’existe plus</translation>
    </message>
    <message>
        <location filename="../../services/proof/store.py" line="+38"/>
        <source>the file {name} does not exist</source>
        <translation>le fichier {name} n’existe pas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is a folder, not a file</source>
        <translation>{name} est un dossier, pas un fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file {name} cannot be read: {detail}</source>
        <translation>le fichier {name} ne peut pas être lu&#xa0;: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file {name} is empty</source>
        <translation>le fichier {name} est vide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file {name} is {size} MB, over the limit of {limit} MB (see Settings)</source>
        <translation>le fichier {name} fait {size} Mo, au-delà de la limite de {limit} Mo (voir Paramètres)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} is a HEIC photo, which cannot be kept as proof here: export it as JPEG or PDF first</source>
        <translation>{name} est une photo HEIC, qui ne peut pas être conservée ici&#xa0;: exportez-la d’abord en JPEG ou en PDF</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} is neither a PDF nor an image (PNG, JPEG, TIFF, GIF, WebP)</source>
        <translation>{name} n’est ni un PDF ni une image (PNG, JPEG, TIFF, GIF, WebP)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the document could not be stored in {folder}: {detail}</source>
        <translation>le document n’a pas pu être conservé dans {folder}&#xa0;: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not an ordinary file (a pipe, a device or a socket) and cannot be read</source>
        <translation>{name} n&apos;est pas un fichier ordinaire (un tube, un périphérique ou une socket) et ne peut pas être lu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file {name} changed while it was being copied: nothing was kept. Try again once the program writing it has finished</source>
        <translation>le fichier {name} a changé pendant sa copie&#xa0;: rien n&apos;a été conservé. Réessayez quand le programme qui l&apos;écrit aura terminé</translation>
    </message>
    <message>
        <location filename="../../services/followup/alerts.py" line="+65"/>
        <source>Due soon</source>
        <extracomment>warn this many days before the 6-month deadline to serve an ordonnance (art. 1411 CPC) the client id of an alert about no client (rates_missing)</extracomment>
        <translation>Bientôt échues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dunning step due</source>
        <translation>Relance à faire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promise to pay due today</source>
        <translation>Promesse de paiement due aujourd’hui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Broken promise</source>
        <translation>Promesse non tenue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missed instalment</source>
        <translation>Échéance manquée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Over the credit limit</source>
        <translation>Au-delà de l’encours autorisé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit-insurance deadline</source>
        <translation>Délai de déclaration à l’assureur-crédit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim soon time-barred</source>
        <translation>Créance bientôt prescrite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue with proof missing</source>
        <translation>En retard, preuves manquantes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declare the claim (collective procedure)</source>
        <translation>Déclarer la créance (procédure collective)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serve the ordonnance (injonction)</source>
        <translation>Signifier l’ordonnance (injonction)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opposition period over (injonction)</source>
        <translation>Délai d’opposition écoulé (injonction)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rates not entered</source>
        <translation>Taux non saisis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{invoice} falls due on {date} ({amount})</source>
        <translation>{invoice} arrive à échéance le {date} ({amount})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{step} for {count} invoice(s), {amount}</source>
        <translation>{step} pour {count} facture(s), {amount}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{invoice}: {amount} promised for today</source>
        <translation>{invoice}&#xa0;: {amount} promis pour aujourd’hui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{invoice}: payment promised for {date} not received</source>
        <translation>{invoice}&#xa0;: paiement promis pour le {date} non reçu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>balance {amount} over the credit limit of {limit}</source>
        <translation>solde de {amount} au-delà de l’encours autorisé de {limit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{invoice} becomes time-barred on {date}</source>
        <translation>{invoice} sera prescrite le {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{invoice} is overdue and its proof is incomplete</source>
        <translation>{invoice} est en retard et ses preuves sont incomplètes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>instalment of {date} not paid in full ({amount} short)</source>
        <translation>échéance du {date} non payée en entier (il manque {amount})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{invoice}: declare it to the credit insurer before {date}</source>
        <translation>{invoice}&#xa0;: à déclarer à l’assureur-crédit avant le {date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>declare the claim before {date} (BODACC notice of {notice})</source>
        <translation>déclarer la créance avant le {date} (annonce BODACC du {notice})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{invoice}: have the ordonnance of {ordonnance} served by a commissaire de justice by {date}; after that it lapses (art. 1411 CPC)</source>
        <translation>{invoice}&#xa0;: faites signifier l’ordonnance du {ordonnance} par un commissaire de justice avant le {date}&#xa0;; passé ce délai, elle est non avenue (art. 1411 CPC)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{invoice}: the month to oppose the ordonnance ended on {end}; unless the debtor opposed it, it is enforceable from {date}</source>
        <translation>{invoice}&#xa0;: le délai d’un mois pour former opposition à l’ordonnance a pris fin le {end}&#xa0;; sauf opposition du débiteur, elle est exécutoire à partir du {date}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>rates for {half} not entered: enter the ECB rate in force on {date} and the legal interest rates in Settings (late charges are provisional until then)</source>
        <translation>taux de {half} non saisis&#xa0;: saisissez dans les Paramètres le taux BCE en vigueur le {date} et les taux de l’intérêt légal (d’ici là, les pénalités sont provisoires)</translation>
    </message>
    <message>
        <location filename="../../services/followup/dunning.py" line="-40"/>
        <source>pre-reminder</source>
        <translation>pré-relance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reminder</source>
        <translation>relance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone call</source>
        <translation>appel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>formal notice</source>
        <translation>mise en demeure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>final notice</source>
        <translation>dernier avis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hand-off to a collection agency</source>
        <translation>transmission à une société de recouvrement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>small-claims procedure</source>
        <translation>procédure petites créances</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>injonction de payer</source>
        <translation>injonction de payer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>claim for moratorium interest</source>
        <translation>demande d’intérêts moratoires</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a scenario needs at least one step</source>
        <translation>un scénario doit avoir au moins une étape</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>two steps at the same offset ({offset} days)</source>
        <translation>deux étapes au même décalage ({offset} jours)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown action {value}</source>
        <translation>action {value} inconnue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown channel {value}</source>
        <translation>canal {value} inconnu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown client kind {value}</source>
        <translation>type de client {value} inconnu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the invoice {number} is paid</source>
        <translation>la facture {number} est payée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the promised amount must be more than zero</source>
        <translation>le montant promis doit être supérieur à zéro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the date {value} is already past</source>
        <translation>la date du {value} est déjà passée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown reason {value}; expected one of {choices}</source>
        <translation>motif {value} inconnu&#xa0;; attendu&#xa0;: {choices}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the invoice {number} is already disputed</source>
        <translation>la facture {number} est déjà en litige</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the invoice {number} is not disputed</source>
        <translation>la facture {number} n’est pas en litige</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>close a dispute as resolved or rejected</source>
        <translation>un litige se clôt comme résolu ou rejeté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>say why the step is skipped</source>
        <translation>indiquez pourquoi l’étape est passée</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>this date ({value}) cannot be before an earlier date of the procedure ({before})</source>
        <translation>cette date ({value}) ne peut pas précéder une date antérieure de la procédure ({before})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the date {value} is in the future</source>
        <translation>la date {value} est dans le futur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the invoice {number} is not handed over to an injonction de payer</source>
        <translation>la facture {number} n’est pas transmise en injonction de payer</translation>
    </message>
    <message>
        <location line="+194"/>
        <source>give the scenario a name</source>
        <extracomment>the injonction de payer since 1 March 2022 (art. 1410–1411, 1416 CPC; shared/domain.md §4.6): serve the ordonnance within 6 months or it lapses; the debtor may oppose for one month from service; without opposition the ordonnance, issued with the formule exécutoire, is enforceable. (No &quot;ask for the formule exécutoire&quot; step any more.)</extracomment>
        <translation>donnez un nom au scénario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a scenario named {value} already exists</source>
        <translation>un scénario nommé {value} existe déjà</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this scenario no longer exists</source>
        <translation>ce scénario n’existe plus</translation>
    </message>
    <message>
        <location line="+674"/>
        <source>a payment plan needs at least one instalment</source>
        <translation>un échéancier doit compter au moins une échéance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the instalments add up to {sum}, not {total}</source>
        <translation>les échéances totalisent {sum}, et non {total}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>instalment dates must be in order and not before {date}</source>
        <translation>les dates d’échéance doivent se suivre et ne pas précéder le {date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this payment plan no longer exists.</source>
        <translation>cet échéancier n&apos;existe plus.</translation>
    </message>
    <message>
        <location filename="../../ui/dunning_dialogs.py" line="-392"/>
        <source>give the tracking number</source>
        <translation>indiquez le numéro de suivi</translation>
    </message>
    <message>
        <location filename="../../services/followup/penalties.py" line="+51"/>
        <source>no rate is known yet for {half}: the last known rate ({rate} %) was used, so the amount is provisional — enter the new rate in Settings</source>
        <translation>aucun taux n’est encore connu pour {half}&#xa0;: le dernier taux connu ({rate}&#xa0;%) a été utilisé, le montant est donc provisoire — saisissez le nouveau taux dans les Paramètres</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the contractual rate of {rate} % is below 3 times the legal interest rate for {half} ({floor} %): L441-10 does not allow it</source>
        <translation>le taux contractuel de {rate}&#xa0;% est inférieur à 3 fois le taux d’intérêt légal de {half} ({floor}&#xa0;%)&#xa0;: l’article L441-10 ne le permet pas</translation>
    </message>
    <message>
        <location filename="../../services/core/settings.py" line="+5"/>
        <source>{value} is not a rate in percent (e.g. 2.15)</source>
        <translation>{value} n’est pas un taux en pourcentage (ex. 2,15)</translation>
    </message>
    <message>
        <location filename="../../services/followup/rates.py" line="-17"/>
        <source>{value} is not a half-year (e.g. 2026-H2)</source>
        <translation>{value} n’est pas un semestre (ex. 2026-H2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no ECB rate is known for {date}: the table starts on {first}. Enter the rate in force on that date in Settings, with its official reference</source>
        <translation>aucun taux BCE n’est connu pour le {date}&#xa0;: la table commence le {first}. Saisissez le taux en vigueur à cette date dans les Paramètres, avec sa référence officielle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no legal interest rate is known for {date} ({half}): the table starts with {first}. Enter that half-year&apos;s rates in Settings, with their official reference</source>
        <translation>aucun taux d’intérêt légal n’est connu pour le {date} ({half})&#xa0;: la table commence à {first}. Saisissez les taux de ce semestre dans les Paramètres, avec leur référence officielle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{value} % is not a rate between 0 and 30 %</source>
        <translation>{value}&#xa0;% n’est pas un taux compris entre 0 et 30&#xa0;%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>give the rate&apos;s official reference (the ECB decision&apos;s date, the arrêté&apos;s date or text)</source>
        <translation>indiquez la référence officielle du taux (date de la décision de la BCE, date ou texte de l’arrêté)</translation>
    </message>
    <message>
        <location filename="../../services/paper/letters.py" line="+463"/>
        <source>unknown placeholder {{{name}}}; use one of: {known}</source>
        <translation>champ {{{name}}} inconnu&#xa0;; champs possibles&#xa0;: {known}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a brace is not closed or not opened: {detail}</source>
        <translation>une accolade n’est pas fermée ou pas ouverte&#xa0;: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no template {value}</source>
        <translation>aucun modèle {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this text says “{phrase}”: an earlier letter the ladder may have skipped. Use {{unpaid}} (or {{formal_notice}} in a final notice), which names the letters the book records and says nothing when there are none</source>
        <translation>ce texte dit «&#xa0;{phrase}&#xa0;»&#xa0;: un courrier antérieur que la procédure a pu sauter. Utilisez {{unpaid}} (ou {{formal_notice}} dans un dernier avis), qui cite les courriers enregistrés dans le dossier et ne dit rien quand il n’y en a pas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>this text says “{phrase}”: costs of recovery without a court order stay with the creditor for consumers (L111-8 CPCE). Use {{consequence}}, which says it right for each debtor</source>
        <translation>ce texte dit «&#xa0;{phrase}&#xa0;»&#xa0;: les frais de recouvrement engagés sans titre exécutoire restent à la charge du créancier pour un consommateur (L111-8 CPCE). Utilisez {{consequence}}, qui le dit correctement pour chaque débiteur</translation>
    </message>
    <message>
        <location line="+647"/>
        <source>the late charges of {invoice} are left out of the letter: {problem}</source>
        <extracomment>phrases that mention an earlier step (folded: lower case, no accents). A text must use the {unpaid} / {formal_notice} sentences instead, which follow what the book records. what a letter to a consumer must not say (shared/domain.md §3.7)</extracomment>
        <translation>les frais de retard de {invoice} ne figurent pas dans le courrier&#xa0;: {problem}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no consumer mediator is set (Settings): the law requires giving consumers the mediator&apos;s details (L616-1 Code de la consommation)</source>
        <translation>aucun médiateur de la consommation n’est renseigné (Paramètres)&#xa0;: la loi impose de communiquer ses coordonnées aux consommateurs (L616-1 du Code de la consommation)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>your text for this letter was not used ({problem}); the shipped text was</source>
        <translation>votre texte pour ce courrier n’a pas été utilisé ({problem})&#xa0;; le texte fourni l’a été</translation>
    </message>
    <message>
        <location filename="../../services/core/settings.py" line="+1"/>
        <source>the window must lie on an A4 page (0–210 × 0–297 mm)</source>
        <translation>la fenêtre doit tenir sur une page A4 (0–210 × 0–297 mm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>give a number of days between 1 and 60</source>
        <translation>indiquez un nombre de jours entre 1 et 60</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{value} is not a server name</source>
        <translation>{value} n’est pas un nom de serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is not SSL, STARTTLS or none</source>
        <translation>{value} n’est ni SSL, ni STARTTLS, ni aucune</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../services/paper/email.py" line="+40"/>
        <source>{value} is not an e-mail address</source>
        <translation>{value} n’est pas une adresse e-mail</translation>
    </message>
    <message>
        <location filename="../../services/paper/legal_docs.py" line="+55"/>
        <source>the client {code} has no payment plan in progress</source>
        <translation>le client {code} n’a pas d’échéancier en cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the client {code} owes nothing overdue on {date}</source>
        <translation>le client {code} ne doit rien d’échu au {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{value}&apos; says neither that the late charges are waived nor reserved.</source>
        <translation>«&#xa0;{{value}}&#xa0;» ne dit ni que les pénalités sont abandonnées ni qu’elles sont réservées.</translation>
    </message>
    <message>
        <location filename="../../services/book/backup.py" line="+95"/>
        <source>PostgreSQL books are backed up with the server&apos;s own tools (pg_dump); Encaisse backs up SQLite books</source>
        <extracomment>the working folder of a backup being written, inside the backup folder ``done, total`` in bytes read so far the compressions Encaisse writes, the only ones it reads back a backup made before the manifest recorded sizes may unpack to 4 × its own size, or this the manifest itself is read with this cap (about a million documents) the suffix of the checked copy of a backup&apos;s database, beside the book</extracomment>
        <translation>les dossiers PostgreSQL se sauvegardent avec les outils du serveur (pg_dump)&#xa0;; Encaisse sauvegarde les dossiers SQLite</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>this book is not a file (it lives in memory): there is nothing to back up</source>
        <translation>ce dossier n’est pas un fichier (il est en mémoire)&#xa0;: il n’y a rien à sauvegarder</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the backup {name} is encrypted ({member}); Encaisse writes and reads unencrypted backups only</source>
        <translation>la sauvegarde {name} est chiffrée ({member})&#xa0;; Encaisse n’écrit et ne lit que des sauvegardes non chiffrées</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the backup {name} uses a compression Encaisse does not read ({member}: method {method}); only stored and deflated members are read</source>
        <translation>la sauvegarde {name} utilise une compression qu’Encaisse ne lit pas ({member}&#xa0;: méthode {method})&#xa0;; seuls les éléments non compressés ou compressés par «&#xa0;deflate&#xa0;» sont lus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the backup {name} is not an Encaisse backup: its manifest&apos;s “{key}” is not valid</source>
        <translation>{name} n’est pas une sauvegarde d’Encaisse&#xa0;: le champ «&#xa0;{key}&#xa0;» de son manifeste n’est pas valable</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the backup {name} is not an Encaisse backup: it lists an unexpected member {member}</source>
        <translation>{name} n’est pas une sauvegarde d’Encaisse&#xa0;: elle annonce un élément inattendu, {member}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the backup {name} is not what it says: {member} is larger than the {size} bytes its manifest gives</source>
        <translation>la sauvegarde {name} n’est pas ce qu’elle annonce&#xa0;: {member} dépasse les {size} octets indiqués par son manifeste</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the backup {name} would unpack to {size} MB, more than 4 times what it announces ({limit} MB at most): it is refused</source>
        <translation>la sauvegarde {name} occuperait {size}&#xa0;Mo une fois décompressée, plus de 4 fois ce qu’elle annonce ({limit}&#xa0;Mo au plus)&#xa0;: elle est refusée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the backup {name} does not hold an SQLite database: its book.db is something else</source>
        <translation>la sauvegarde {name} ne contient pas de base SQLite&#xa0;: son book.db est autre chose</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the database in the backup {name} is damaged: {detail}</source>
        <translation>la base de la sauvegarde {name} est abîmée&#xa0;: {detail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the database in the backup {name} is not an Encaisse book (tables missing: {tables})</source>
        <translation>la base de la sauvegarde {name} n’est pas un dossier Encaisse (tables manquantes&#xa0;: {tables})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the backup {name} is not what it says: its manifest gives schema {expected}, its database has schema {actual}</source>
        <translation>la sauvegarde {name} n’est pas ce qu’elle annonce&#xa0;: son manifeste indique le schéma {expected}, sa base a le schéma {actual}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the backup {name} is not what it says: its manifest counts {expected} rows in {table}, its database has {actual}</source>
        <translation>la sauvegarde {name} n’est pas ce qu’elle annonce&#xa0;: son manifeste compte {expected} lignes dans {table}, sa base en a {actual}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} is not an Encaisse backup ({detail})</source>
        <translation>{name} n’est pas une sauvegarde d’Encaisse ({detail})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the backup {name} is damaged: {member} does not match its fingerprint</source>
        <translation>la sauvegarde {name} est abîmée&#xa0;: {member} ne correspond pas à son empreinte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the backup {name} comes from a newer version of Encaisse (schema {schema}); update the application first</source>
        <translation>la sauvegarde {name} vient d’une version plus récente d’Encaisse (schéma {schema})&#xa0;; mettez d’abord l’application à jour</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the backup cannot be written in {folder}: {detail}</source>
        <translation>la sauvegarde ne peut pas être écrite dans {folder}&#xa0;: {detail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the backup cannot be restored into {folder}: {detail}</source>
        <translation>la sauvegarde ne peut pas être restaurée dans {folder}&#xa0;: {detail}</translation>
    </message>
    <message>
        <location filename="../../services/core/settings.py" line="-16"/>
        <source>the folder {folder} cannot hold backups: {detail}</source>
        <translation>le dossier {folder} ne peut pas recevoir de sauvegardes&#xa0;: {detail}</translation>
    </message>
    <message>
        <location filename="../../services/book/backup.py" line="+3"/>
        <source>the book {path} cannot be read for a backup: {detail}</source>
        <translation>le dossier comptable {path} ne peut pas être lu pour une sauvegarde&#xa0;: {detail}</translation>
    </message>
    <message>
        <location filename="../../services/book/export.py" line="+51"/>
        <source>the folder {folder} is not empty: choose a new or empty folder</source>
        <translation>le dossier {folder} n’est pas vide&#xa0;: choisissez un dossier nouveau ou vide</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the export cannot be written in {folder}: {detail}</source>
        <translation>l’export ne peut pas être écrit dans {folder}&#xa0;: {detail}</translation>
    </message>
    <message>
        <location filename="../../services/book/booklock.py" line="+38"/>
        <source>the book is open in Encaisse; close it first</source>
        <translation>le dossier est ouvert dans Encaisse&#xa0;; fermez-le d’abord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the book is busy: a command is changing it; try again in a moment</source>
        <translation>le dossier est occupé&#xa0;: une commande est en train de le modifier&#xa0;; réessayez dans un instant</translation>
    </message>
    <message>
        <location filename="../../services/book/integrity.py" line="+49"/>
        <source>invoice {number} ({client}): its running total says {stored} paid, its allocations add up to {recomputed}</source>
        <translation>facture {number} ({client})&#xa0;: son total cumulé indique {stored} payé, ses imputations font {recomputed}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>credit note {number} ({client}): its running total says {stored} applied, its allocations add up to {recomputed}</source>
        <translation>avoir {number} ({client})&#xa0;: son total cumulé indique {stored} imputé, ses imputations font {recomputed}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>payment {id} of {date} ({client}, {amount}): its running total says {stored} allocated, its allocations add up to {recomputed}</source>
        <translation>paiement {id} du {date} ({client}, {amount})&#xa0;: son total cumulé indique {stored} imputé, ses imputations font {recomputed}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>invoice {number} ({client}): its allocations add up to {recomputed}, more than its total of {total} (its running total says {stored})</source>
        <translation>facture {number} ({client})&#xa0;: ses imputations font {recomputed}, plus que son total de {total} (son total cumulé indique {stored})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>credit note {number} ({client}): its allocations add up to {recomputed}, more than its total of {total} (its running total says {stored})</source>
        <translation>avoir {number} ({client})&#xa0;: ses imputations font {recomputed}, plus que son total de {total} (son total cumulé indique {stored})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>payment {id} of {date} ({client}): its allocations add up to {recomputed}, more than its amount of {total} (its running total says {stored})</source>
        <translation>paiement {id} du {date} ({client})&#xa0;: ses imputations font {recomputed}, plus que son montant de {total} (son total cumulé indique {stored})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SQLite&apos;s integrity check does not apply to a PostgreSQL book; the server checks its own pages</source>
        <extracomment>What ``check`` cannot check on a book that is not an SQLite file.</extracomment>
        <translation>la vérification d’intégrité de SQLite ne s’applique pas à un dossier PostgreSQL&#xa0;; le serveur vérifie lui-même ses pages</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Encaisse cannot back this book up before the repair ({reason}): back it up that way, then repair it with --yes</source>
        <translation>Encaisse ne peut pas sauvegarder ce dossier avant la réparation ({reason})&#xa0;: sauvegardez-le par ce moyen, puis réparez-le avec --yes</translation>
    </message>
    <message>
        <location filename="../../services/core/text.py" line="+13"/>
        <source>contains an invisible, control or no-break character (U+{code}, character {position}); type it again with ordinary characters.</source>
        <translation>contient un caractère invisible, de contrôle ou une espace insécable (U+{code}, caractère {position})&#xa0;; saisissez-le de nouveau avec des caractères ordinaires.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>contains a control character (U+{code}, character {position}), which is not allowed here.</source>
        <translation>contient un caractère de contrôle (U+{code}, caractère {position}), qui n&apos;est pas permis ici.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;{value}&apos; holds digits other than 0-9; type it again with the digits 0 to 9.</source>
        <translation>«&#xa0;{value}&#xa0;» contient des chiffres autres que 0-9&#xa0;; saisissez-le de nouveau avec les chiffres 0 à 9.</translation>
    </message>
    <message>
        <location filename="../../services/core/legal_status.py" line="-256"/>
        <source>&apos;{value}&apos; is not a legal form Encaisse knows (SAS, SARL, SCI, SELARL, EI, GAEC, association…).</source>
        <translation>«&#xa0;{{value}}&#xa0;» n’est pas une forme juridique connue d’Encaisse (SAS, SARL, SCI, SELARL, EI, GAEC, association…).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;{value}&apos; is not a register of sole traders (commercant, artisan).</source>
        <translation>«&#xa0;{{value}}&#xa0;» n’est pas une immatriculation d’entrepreneur individuel (commerçant, artisan).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>only a sole trader (legal form EI) is registered as commercant or artisan; a company&apos;s legal form says it all.</source>
        <translation>seul un entrepreneur individuel (forme EI) est immatriculé comme commerçant ou artisan&#xa0;; la forme juridique d’une société suffit.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a consumer is a private person and has no legal form: choose the kind Business or Non-profit body for a company or an association.</source>
        <translation>un consommateur est un particulier et n’a pas de forme juridique&#xa0;: choisissez le type Professionnel ou Personne morale non professionnelle pour une société ou une association.</translation>
    </message>
    <message>
        <location filename="../../services/paper/email.py" line="-4"/>
        <source>no sender address: give the company&apos;s e-mail address, or the sender address in Settings</source>
        <extracomment>the channel of a dunning step whose letter goes by e-mail (models.dunning.CHANNELS)</extracomment>
        <translation>aucune adresse d’expéditeur&#xa0;: indiquez l’adresse e-mail de l’entreprise, ou l’adresse d’expéditeur dans les Paramètres</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{client} has no e-mail address: a paper letter instead of the e-mail</source>
        <extracomment>the note shown (command line, dialog) when an e-mail step&apos;s client has no address</extracomment>
        <translation>{client} n’a pas d’adresse e-mail&#xa0;: une lettre papier au lieu de l’e-mail</translation>
    </message>
    <message>
        <location filename="../../services/paper/outbox.py" line="+46"/>
        <source>no SMTP server is set in Settings: the e-mails stay in the send queue</source>
        <extracomment>the keyring&apos;s service name for the SMTP password (the user name is ``user@host``) seconds to wait for the server before the e-mails stay queued</extracomment>
        <translation>aucun serveur SMTP n’est indiqué dans les Paramètres&#xa0;: les e-mails restent dans la file d’envoi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the SMTP server {host}:{port} cannot be reached ({detail}): the e-mails stay in the send queue and are sent when the connection returns</source>
        <translation>le serveur SMTP {host}:{port} est injoignable ({detail})&#xa0;: les e-mails restent dans la file d’envoi et partiront au retour de la connexion</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the SMTP server refused the login of {user} ({detail}): check the user and the password; the e-mails stay in the send queue</source>
        <translation>le serveur SMTP a refusé la connexion de {user} ({detail})&#xa0;: vérifiez l’utilisateur et le mot de passe&#xa0;; les e-mails restent dans la file d’envoi</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no password is kept for {user}: enter it in Settings ▸ E-mail account</source>
        <translation>aucun mot de passe n’est conservé pour {user}&#xa0;: saisissez-le dans Paramètres ▸ Compte de messagerie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the system keyring cannot be used ({detail}): the password is not kept</source>
        <translation>le trousseau du système est inutilisable ({detail})&#xa0;: le mot de passe n’est pas conservé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the SMTP server refused the e-mail to {recipient}: {detail}</source>
        <translation>le serveur SMTP a refusé l’e-mail à {recipient}&#xa0;: {detail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the SMTP server {host} does not offer STARTTLS: choose SSL, or none</source>
        <translation>le serveur SMTP {host} ne propose pas STARTTLS&#xa0;: choisissez SSL, ou aucune</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no e-mail {value} in the send queue</source>
        <translation>aucun e-mail {value} dans la file d’envoi</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <location filename="../../ui/outbox_dialog.py" line="+61"/>
        <source>E-mail send queue</source>
        <translation>File d’envoi des e-mails</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter of</source>
        <translation>Lettre du</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tries</source>
        <translation>Essais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last problem</source>
        <translation>Dernier problème</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Send now</source>
        <translation>Envoyer maintenant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove from the queue</source>
        <translation>Retirer de la file</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n e-mail(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n e-mail en attente d’envoi.</numerusform>
            <numerusform>%n e-mails en attente d’envoi.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The send queue is empty.</source>
        <translation>La file d’envoi est vide.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+60"/>
        <source>The e-mails could not be sent (see the log).</source>
        <translation>Les e-mails n’ont pas pu être envoyés (voir le journal).</translation>
    </message>
    <message numerus="yes">
        <location line="-49"/>
        <source>Remove %n e-mail(s) from the queue without sending them?</source>
        <translation>
            <numerusform>Retirer %n e-mail de la file sans l’envoyer&#xa0;?</numerusform>
            <numerusform>Retirer %n e-mails de la file sans les envoyer&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Send e-mails</source>
        <translation>Envoyer les e-mails</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sending the e-mails…</source>
        <translation>Envoi des e-mails…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No e-mail to send.</source>
        <translation>Aucun e-mail à envoyer.</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../ui/dialogs/payment_dialog.py" line="+55"/>
        <source>Record a payment</source>
        <translation>Enregistrer un paiement</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+13"/>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date received</source>
        <translation>Date de réception</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+155"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="-150"/>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Method</source>
        <translation>Mode de règlement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cheque number, transfer label…</source>
        <translation>N° de chèque, libellé du virement…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;What does this payment settle?&lt;/b&gt;</source>
        <translation>&lt;b&gt;Que règle ce paiement&#xa0;?&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The oldest due invoices first (art. 1342-10 Code civil)</source>
        <translation>Les factures échues les plus anciennes d’abord (art. 1342-10 du Code civil)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The invoices I choose below</source>
        <translation>Les factures que je choisis ci-dessous</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+119"/>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To allocate</source>
        <translation>À imputer</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Anything left over stays as credit on the client.</source>
        <translation>Tout excédent reste en crédit sur le compte du client.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An amount to allocate is not a number.</source>
        <translation>Un montant à imputer n’est pas un nombre valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Allocated: {amount}</source>
        <translation>Imputé&#xa0;: {amount}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove allocation</source>
        <translation>Retirer l’imputation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allocate the credit left (oldest due first)</source>
        <translation>Imputer le crédit restant (échéances les plus anciennes d’abord)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Allocation</source>
        <translation>Imputation</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Amount {amount} — allocated {allocated} — credit left {left}</source>
        <translation>Montant {amount} — imputé {allocated} — crédit restant {left}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>removed on {date}</source>
        <translation>retirée le {date}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot allocate</source>
        <translation>Imputation impossible</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Payment larger than what is due</source>
        <translation>Paiement supérieur au montant dû</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record it anyway?</source>
        <translation>L’enregistrer quand même&#xa0;?</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <location filename="../../ui/pages.py" line="+254"/>
        <source>All methods</source>
        <translation>Tous les modes de règlement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With credit left only</source>
        <translation>Avec crédit restant uniquement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Received from</source>
        <translation>Reçus du</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Search payments: client, reference… (Ctrl+F)</source>
        <translation>Rechercher un paiement&#xa0;: client, référence… (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record a payment</source>
        <translation>Enregistrer un paiement</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n paiement</numerusform>
            <numerusform>%n paiements</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Delete the payment of {amount} received on {date}? Its allocations are removed and the deletion is kept in the history.</source>
        <translation>Supprimer le paiement de {amount} reçu le {date}&#xa0;? Ses imputations seront retirées et la suppression restera tracée dans l’historique.</translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <location filename="../../ui/labels.py" line="+11"/>
        <source>✘ %n missing</source>
        <translation>
            <numerusform>✘ %n manquante</numerusform>
            <numerusform>✘ %n manquantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n invoice(s)</source>
        <translation>
            <numerusform>%n facture</numerusform>
            <numerusform>%n factures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n règlement</numerusform>
            <numerusform>%n règlements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n problème trouvé.</numerusform>
            <numerusform>%n problèmes trouvés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../ui/printing.py" line="+73"/>
        <source>files of type “{type}” cannot be shown or printed here.</source>
        <extracomment>Image types whose frames are pages (a scanned multi-page TIFF). The frames of a GIF or WebP are an animation: only the first one is shown and printed. PDF pages are rasterised for printing at no more than this resolution: enough for text on paper, and an A4 page stays near 35 MB in memory (at 1200 dpi it would be 550 MB). Resolution assumed for an image that does not record one.</extracomment>
        <translation>les fichiers de type «&#xa0;{type}&#xa0;» ne peuvent être ni affichés ni imprimés ici.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+37"/>
        <location line="+13"/>
        <source>the file cannot be found.</source>
        <translation>le fichier est introuvable.</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>the file is not a valid PDF or is damaged.</source>
        <translation>le fichier n’est pas un PDF valide ou il est abîmé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the PDF is protected by a password.</source>
        <translation>le PDF est protégé par un mot de passe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the PDF uses a protection that is not supported.</source>
        <translation>le PDF utilise une protection non prise en charge.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file could not be read.</source>
        <translation>le fichier n’a pas pu être lu.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the PDF has no pages.</source>
        <translation>le PDF ne contient aucune page.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>page {page} of the image cannot be read.</source>
        <translation>la page {page} de l’image ne peut pas être lue.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the image cannot be read ({error}).</source>
        <translation>l’image ne peut pas être lue ({error}).</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>This document cannot be printed: {reason}</source>
        <translation>Ce document ne peut pas être imprimé&#xa0;: {reason}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The pages chosen are not in this document (it has {count}).</source>
        <translation>Les pages choisies ne sont pas dans ce document (il en compte {count}).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The printer could not be started. Check that it is connected and switched on, then try again.</source>
        <translation>L’imprimante n’a pas pu démarrer. Vérifiez qu’elle est branchée et allumée, puis réessayez.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The printer refused to start a new page.</source>
        <translation>L’imprimante a refusé de commencer une nouvelle page.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Page {page} could not be rendered.</source>
        <translation>La page {page} n’a pas pu être rendue.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Cannot print</source>
        <translation>Impression impossible</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Printing failed</source>
        <translation>L’impression a échoué</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>no printer named {name}</source>
        <translation>aucune imprimante nommée {name}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no printer is set up on this computer</source>
        <translation>aucune imprimante n’est installée sur cet ordinateur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file {path} does not exist</source>
        <translation>le fichier {path} n’existe pas</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../ui/recovery.py" line="+28"/>
        <source>The book is damaged: looking for the latest good backup…</source>
        <translation>Le dossier est endommagé&#xa0;: recherche de la dernière sauvegarde saine…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The book {path} is damaged and cannot be opened safely ({detail}).</source>
        <translation>Le dossier {path} est endommagé et ne peut pas être ouvert sans risque ({detail}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The latest good backup is from {date}: {counts}. Restore it? The damaged file is kept beside the book under another name.</source>
        <translation>La dernière sauvegarde saine date du {date}&#xa0;: {counts}. La restaurer&#xa0;? Le fichier endommagé est conservé à côté, sous un autre nom.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restore this backup</source>
        <translation>Restaurer cette sauvegarde</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No good backup of this book was found in {folder}.</source>
        <translation>Aucune sauvegarde saine de ce dossier comptable n’a été trouvée dans {folder}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose a backup…</source>
        <translation>Choisir une sauvegarde…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a backup</source>
        <translation>Choisir une sauvegarde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backups (*.zip)</source>
        <translation>Sauvegardes (*.zip)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Restoring the backup…</source>
        <translation>Restauration de la sauvegarde…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The backup is restored. The damaged book is kept as {path}.</source>
        <translation>La sauvegarde est restaurée. Le dossier endommagé est conservé sous {path}.</translation>
    </message>
</context>
<context>
    <name>ScenarioDialog</name>
    <message>
        <location filename="../../ui/dialogs/scenario_dialog.py" line="+49"/>
        <location line="+155"/>
        <source>Dunning scenarios</source>
        <translation>Scénarios de relance</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>Each step is an offset in days from the invoice&apos;s due date (negative = before it) and the action to take then. A client follows the default of its kind unless it is given a named scenario. The defaults follow common French practice: a pre-reminder a few days before the due date, reminders, a call, then a formal notice by registered letter about a month late.</source>
        <translation>Chaque étape est un décalage en jours par rapport à l’échéance de la facture (négatif = avant) et l’action à mener alors. Un client suit le scénario par défaut de son type, sauf si un scénario nommé lui est attribué. Les scénarios par défaut suivent l’usage français&#xa0;: une pré-relance quelques jours avant l’échéance, des relances, un appel, puis une mise en demeure en recommandé environ un mois après.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>New scenario…</source>
        <translation>Nouveau scénario…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A named scenario, starting with the steps shown</source>
        <translation>Un scénario nommé, reprenant les étapes affichées</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+355"/>
        <source>Delete scenario</source>
        <translation>Supprimer le scénario</translation>
    </message>
    <message>
        <location line="-354"/>
        <source>Its clients go back to the default of their kind</source>
        <translation>Ses clients reviennent au scénario par défaut de leur type</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Offset</source>
        <translation>Décalage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Penalties shown</source>
        <translation>Pénalités indiquées</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Days from the due date: −5 is 5 days before it (J−5), 5 is 5 days after it (J+5)</source>
        <translation>Jours depuis l’échéance&#xa0;: −5 = 5 jours avant (J−5), 5 = 5 jours après (J+5)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The letter states the late-payment penalties and the €40 indemnity</source>
        <translation>La lettre mentionne les pénalités de retard et l’indemnité de 40 €</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add step</source>
        <translation>Ajouter une étape</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove step</source>
        <translation>Retirer l’étape</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore built-in defaults</source>
        <translation>Rétablir les étapes d’origine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put back the steps Encaisse comes with for this kind of client (saved only when you click Save)</source>
        <translation>Remettre les étapes fournies avec Encaisse pour ce type de client (enregistré seulement avec Enregistrer)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Default — {kind}</source>
        <translation>Par défaut — {kind}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Save the changes to “{name}”?</source>
        <translation>Enregistrer les modifications de «&#xa0;{name}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Used by every client of the kind “{kind}” that has no scenario of its own.</source>
        <translation>Suivi par tous les clients du type «&#xa0;{kind}&#xa0;» sans scénario propre.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>J−%n: %n day(s) before the due date</source>
        <translation>
            <numerusform>J−%n&#xa0;: %n jour avant l’échéance</numerusform>
            <numerusform>J−%n&#xa0;: %n jours avant l’échéance</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>J+%n: %n day(s) after the due date</source>
        <translation>
            <numerusform>J+%n&#xa0;: %n jour après l’échéance</numerusform>
            <numerusform>J+%n&#xa0;: %n jours après l’échéance</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>J: on the due date</source>
        <translation>J&#xa0;: le jour de l’échéance</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>New scenario</source>
        <translation>Nouveau scénario</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the new scenario:</source>
        <translation>Nom du nouveau scénario&#xa0;:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Delete the scenario “{name}”? Its clients will follow the default of their kind.</source>
        <translation>Supprimer le scénario «&#xa0;{name}&#xa0;»&#xa0;? Ses clients suivront le scénario par défaut de leur type.</translation>
    </message>
</context>
<context>
    <name>SendReport</name>
    <message numerus="yes">
        <location filename="../../ui/outbox_dialog.py" line="-184"/>
        <source>%n e-mail(s) sent.</source>
        <translation>
            <numerusform>%n e-mail envoyé.</numerusform>
            <numerusform>%n e-mails envoyés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n e-mail(s) still in the send queue.</source>
        <translation>
            <numerusform>%n e-mail encore dans la file d’envoi.</numerusform>
            <numerusform>%n e-mails encore dans la file d’envoi.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="+48"/>
        <location line="+205"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="-197"/>
        <source>Follow the system</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copies of the attached documents; back this folder up with the database.</source>
        <translation>Copies des documents joints&#xa0;; sauvegardez ce dossier avec la base de données.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document store</source>
        <translation>Coffre des documents</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+6"/>
        <source>MB</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Largest document accepted</source>
        <translation>Taille maximale d’un document</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>KiB</source>
        <translation>Kio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A cell of a CSV file larger than this is refused, with its line.</source>
        <translation>Une cellule d’un fichier CSV plus grande que ceci est refusée, avec sa ligne.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a value at most</source>
        <translation>une valeur au plus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV import: a file at most</source>
        <translation>Import CSV&#xa0;: un fichier au plus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A change of language applies at once to menus and lists; open windows keep their language until closed.</source>
        <translation>Le changement de langue s’applique immédiatement aux menus et aux listes&#xa0;; les fenêtres ouvertes conservent leur langue jusqu’à leur fermeture.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Default: {folder}</source>
        <translation>Par défaut&#xa0;: {folder}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A backup is made on quitting and once a day: the database and the documents in one file. Pick a USB key or a synced folder to keep them off this computer.</source>
        <translation>Une sauvegarde est faite à la fermeture et une fois par jour&#xa0;: la base et les documents dans un seul fichier. Choisissez une clé USB ou un dossier synchronisé pour les garder hors de cet ordinateur.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+24"/>
        <source>Backup folder</source>
        <translation>Dossier des sauvegardes</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>{count} backup(s) kept; the latest: {date}, {size} MB</source>
        <translation>{count} sauvegarde(s) conservée(s)&#xa0;; la dernière&#xa0;: {date}, {size} Mo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No backup yet: one is made when you quit.</source>
        <translation>Pas encore de sauvegarde&#xa0;: une sauvegarde est faite quand vous quittez.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Follow-up</source>
        <translation>Relances</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+6"/>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>0 = only the invoices due today</source>
        <translation>0 = seulement les factures échues aujourd’hui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warn about invoices due within</source>
        <translation>Prévenir des factures échéant dans les</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reminders stay paused this long after the date a client promised to pay, before the promise counts as broken</source>
        <translation>Les relances restent suspendues ce délai après la date promise par le client, avant que la promesse soit tenue pour non respectée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Grace after a promised date</source>
        <translation>Délai de grâce après une promesse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start-up alerts</source>
        <translation>Alertes au démarrage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kinds of alert shown when a book is opened</source>
        <translation>Les types d’alerte montrés à l’ouverture du dossier</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Dunning scenarios…</source>
        <translation>Scénarios de relance…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The steps of the reminders, by kind of client</source>
        <translation>Les étapes des relances, par type de client</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Letter texts…</source>
        <translation>Textes des courriers…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The wording of each letter, per language, with a live preview</source>
        <translation>Le texte de chaque courrier, par langue, avec un aperçu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Late charges and letters…</source>
        <translation>Pénalités et courriers…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rates, your penalty rate, the consumer mediator, the envelope window</source>
        <translation>Les taux, votre taux de pénalités, le médiateur de la consommation, la fenêtre de l’enveloppe</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <location filename="../../ui/dialogs/templates_dialog.py" line="+41"/>
        <source>Pre-reminder</source>
        <translation>Pré-relance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First reminder</source>
        <translation>Première relance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Further reminders</source>
        <translation>Relances suivantes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formal notice</source>
        <translation>Mise en demeure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final notice</source>
        <translation>Dernier avis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand-off notice</source>
        <translation>Avis de transmission</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statement of account</source>
        <translation>Relevé de compte</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Letter texts</source>
        <translation>Textes des courriers</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Letter</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Placeholders: {names}</source>
        <translation>Champs&#xa0;: {names}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restore default</source>
        <translation>Rétablir le texte d’origine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/welcome.py" line="+28"/>
        <source>Welcome to Encaisse</source>
        <translation>Bienvenue dans Encaisse</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Encaisse keeps track of who owes you what, tells you what falls due and what is late, and helps you get paid. Your book is empty: how would you like to start?</source>
        <translation>Encaisse suit qui vous doit quoi, vous signale les échéances et les retards, et vous aide à vous faire payer. Votre dossier est vide&#xa0;: par où souhaitez-vous commencer&#xa0;?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter my company details</source>
        <translation>Saisir les coordonnées de mon entreprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, SIREN, address, bank details and your usual payment terms.</source>
        <translation>Raison sociale, SIREN, adresse, coordonnées bancaires et vos conditions de paiement habituelles.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import my invoices (CSV)</source>
        <translation>Importer mes factures (CSV)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clients, invoices and payments from a spreadsheet or your invoicing software.</source>
        <translation>Clients, factures et paiements depuis un tableur ou votre logiciel de facturation.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Explore with demo data</source>
        <translation>Découvrir avec des données de démonstration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A realistic small French business: 30+ clients, 18 months of invoices.</source>
        <translation>Une petite entreprise française réaliste&#xa0;: plus de 30 clients et 18 mois de factures.</translation>
    </message>
</context>
</TS>
