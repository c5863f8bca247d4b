<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ClientDialog</name>
    <message>
        <location filename="../../ui/dialogs/client_dialog.py" line="+33"/>
        <source>New client</source>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client {code}</source>
        <translation>Client {code}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Balance: &lt;b&gt;{balance}&lt;/b&gt; — overdue: &lt;b&gt;{overdue}&lt;/b&gt; — unallocated credit: {credit}</source>
        <translation>Solde&#xa0;: &lt;b&gt;{balance}&lt;/b&gt; — échu&#xa0;: &lt;b&gt;{overdue}&lt;/b&gt; — crédit non affecté&#xa0;: {credit}</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+2"/>
        <source>Contact person</source>
        <translation>Interlocuteur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language of letters</source>
        <translation>Langue des courriers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payment terms</source>
        <translation>Conditions de paiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty = the company&apos;s default terms</source>
        <translation>Vide = conditions par défaut de l’entreprise</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+7"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
</context>
<context>
    <name>ClientFilter</name>
    <message>
        <location filename="../../ui/pages.py" line="+120"/>
        <location line="+12"/>
        <source>All clients</source>
        <translation>Tous les clients</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <location filename="../../ui/widgets.py" line="+103"/>
        <source>Type a client&apos;s code or name</source>
        <translation>Saisissez le code ou le nom d’un client</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <location filename="../../ui/pages.py" line="-77"/>
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
        <location line="+15"/>
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
        <location line="+14"/>
        <source>Delete the client {code} — {name}?</source>
        <translation>Supprimer le client {code} — {name}&#xa0;?</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location line="-63"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+111"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+114"/>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>Overdue</source>
        <translation>Échu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unallocated credit</source>
        <translation>Crédit non affecté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit limit</source>
        <translation>Encours autorisé</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+92"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Issued</source>
        <translation>Émission</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>Réglé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Days late</source>
        <translation>Retard (j)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allocated</source>
        <translation>Imputé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unallocated</source>
        <translation>Non imputé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <translation>Mode de règlement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
</context>
<context>
    <name>CompanyDialog</name>
    <message>
        <location filename="../../ui/dialogs/company_dialog.py" line="+26"/>
        <source>My company</source>
        <translation>Mon entreprise</translation>
    </message>
    <message>
        <location line="+16"/>
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
        <location line="+2"/>
        <source>Default payment terms</source>
        <translation>Conditions de paiement par défaut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 30 jours, 45 jours fin de mois</source>
        <translation>par ex. 30 jours, 45 jours fin de mois</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+4"/>
        <source>Encaisse ran into an unexpected problem. Your data is safe: the action in progress was cancelled. The details below were written to the log; please send them to support.</source>
        <translation>Encaisse a rencontré un problème inattendu. Vos données sont intactes&#xa0;: l’action en cours a été annulée. Les détails ci-dessous ont été enregistrés dans le journal&#xa0;; merci de les transmettre à l’assistance.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Copy details</source>
        <translation>Copier les détails</translation>
    </message>
</context>
<context>
    <name>DateRange</name>
    <message>
        <location filename="../../ui/widgets.py" line="+92"/>
        <source>to</source>
        <translation>au</translation>
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
        <location line="+57"/>
        <source>Cannot remove</source>
        <translation>Impossible de retirer l’imputation</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../services/i18n.py" line="+23"/>
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
        <location line="+18"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="-17"/>
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
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../services/history.py" line="+20"/>
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
        <location line="+1"/>
        <source>dispute closed</source>
        <translation>litige clos</translation>
    </message>
    <message>
        <location filename="../../ui/fmt_history.py" line="+35"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>no. {id}</source>
        <translation>n°&#xa0;{id}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{field}: {before} → {after}</source>
        <translation>{field}&#xa0;: {before} → {after}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field}: {value}</source>
        <translation>{field}&#xa0;: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; </source>
        <translation>&#xa0;; </translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../ui/widgets.py" line="-35"/>
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
        <location line="+2"/>
        <source>Columns are recognised by their header, in English or French (e.g. number/numéro, client, issue_date/date, total/montant TTC). Separators , ; or tab; UTF-8 or Windows-1252; dates 2026-03-31 or 31/03/2026; amounts 1234.56 or 1 234,56 €.</source>
        <translation>Les colonnes sont reconnues par leur en-tête, en anglais ou en français (par ex. number/numéro, client, issue_date/date, total/montant TTC). Séparateur&#xa0;: virgule, point-virgule ou tabulation&#xa0;; encodage UTF-8 ou Windows-1252&#xa0;; dates 2026-03-31 ou 31/03/2026&#xa0;; montants 1234.56 ou 1&#xa0;234,56&#xa0;€.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Check</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose the CSV file</source>
        <translation>Choisir le fichier CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n problem(s) found: nothing was imported. Correct the file and try again.</source>
        <translation>
            <numerusform>%n problème détecté&#xa0;: rien n’a été importé. Corrigez le fichier et réessayez.</numerusform>
            <numerusform>%n problèmes détectés&#xa0;: rien n’a été importé. Corrigez le fichier et réessayez.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>line {line}: {column}: {reason}</source>
        <translation>ligne {line}&#xa0;: {column}&#xa0;: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
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
        <location filename="../../ui/dialogs/invoice_dialog.py" line="+56"/>
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
        <location line="+20"/>
        <location line="+92"/>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location line="-90"/>
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
        <location line="+3"/>
        <source>The client disputes this invoice</source>
        <translation>Le client conteste cette facture</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Montant</translation>
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
        <location line="+4"/>
        <source>Apply to an invoice…</source>
        <translation>Imputer sur une facture…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply a credit note…</source>
        <translation>Imputer un avoir…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Payments and credit notes</source>
        <translation>Paiements et avoirs</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Payment {label}</source>
        <translation>Paiement {label}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit note {number}</source>
        <translation>Avoir {number}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>removed on {date}</source>
        <translation>retirée le {date}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nothing to apply for this client.</source>
        <translation>Rien à imputer pour ce client.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose:</source>
        <translation>Choisissez&#xa0;:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot apply</source>
        <translation>Imputation impossible</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Total &lt;b&gt;{total}&lt;/b&gt; — paid {paid} — balance &lt;b&gt;{balance}&lt;/b&gt; — {status}</source>
        <translation>Total &lt;b&gt;{total}&lt;/b&gt; — réglé {paid} — solde &lt;b&gt;{balance}&lt;/b&gt; — {status}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>terms not understood</source>
        <translation>conditions non reconnues</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>computed from “{terms}”</source>
        <translation>calculée d’après «&#xa0;{terms}&#xa0;»</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Saved with a warning</source>
        <translation>Enregistrement avec avertissement</translation>
    </message>
</context>
<context>
    <name>InvoicesPage</name>
    <message>
        <location filename="../../ui/pages.py" line="-75"/>
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
        <location line="+22"/>
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
        <location line="+21"/>
        <source>Delete {number} ({total})? Only a document entered by mistake should be deleted; its deletion is kept in the history.</source>
        <translation>Supprimer {number} ({total})&#xa0;? Ne supprimez qu’une pièce saisie par erreur&#xa0;; sa suppression restera tracée dans l’historique.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="+8"/>
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
        <location filename="../../ui/pages.py" line="-122"/>
        <source>Credit to apply</source>
        <translation>Avoir à imputer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>disputed</source>
        <translation>en litige</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../ui/list_page.py" line="+51"/>
        <source>Create (Ctrl+N)</source>
        <translation>Créer (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+128"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="-73"/>
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
        <location line="+72"/>
        <source>Cannot delete</source>
        <translation>Suppression impossible</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+40"/>
        <source>Encaisse — receivables</source>
        <translation>Encaisse — suivi des créances</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Start</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Database: {path}</source>
        <translation>Base de données&#xa0;: {path}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;File</source>
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
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
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
        <location line="+1"/>
        <source>&amp;Clients</source>
        <translation>&amp;Clients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Invoices</source>
        <translation>&amp;Factures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Payments</source>
        <translation>&amp;Paiements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Overdue invoices</source>
        <translation>Factures en &amp;retard</translation>
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
    <message>
        <location line="+13"/>
        <source>Outstanding {total} — overdue {overdue} — {date}</source>
        <translation>Encours {total} — échu {overdue} — {date}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Company details saved.</source>
        <translation>Coordonnées de l’entreprise enregistrées.</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+9"/>
        <source>Demo data</source>
        <translation>Données de démonstration</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Demo data can only be added to an empty book. Open another database with --db to explore the demo.</source>
        <translation>Les données de démonstration ne peuvent être ajoutées qu’à un dossier vide. Ouvrez une autre base de données avec l’option --db pour découvrir la démonstration.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Demo data loaded.</source>
        <translation>Données de démonstration chargées.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>About Encaisse</source>
        <translation>À propos d’Encaisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Encaisse&lt;/b&gt; {version}&lt;br&gt;Get paid: receivables, reminders and letters for French small businesses.&lt;br&gt;&lt;br&gt;Book: {path}&lt;br&gt;Company: {company}</source>
        <translation>&lt;b&gt;Encaisse&lt;/b&gt; {version}&lt;br&gt;Encaissez vos factures&#xa0;: suivi des créances, relances et courriers pour les petites entreprises françaises.&lt;br&gt;&lt;br&gt;Dossier&#xa0;: {path}&lt;br&gt;Entreprise&#xa0;: {company}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/app.py" line="+24"/>
        <source>This book is already open in another Encaisse window ({path}). Switch to that window, or close it first.</source>
        <translation>Ce dossier est déjà ouvert dans une autre fenêtre d’Encaisse ({path}). Passez à cette fenêtre, ou fermez-la d’abord.</translation>
    </message>
    <message>
        <location filename="../../services/cli.py" line="+39"/>
        <source>the database {target} cannot be opened: {detail}</source>
        <translation>impossible d’ouvrir la base de données {target}&#xa0;: {detail}</translation>
    </message>
    <message>
        <location filename="../../services/clients.py" line="+22"/>
        <location filename="../../services/invoices.py" line="+23"/>
        <location filename="../../services/payments.py" line="+34"/>
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
        <source>the client {code} has invoices or payments and cannot be deleted.</source>
        <translation>le client {code} ne peut pas être supprimé car il a des factures ou des paiements.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no client has the code &apos;{code}&apos;.</source>
        <translation>aucun client n’a le code «&#xa0;{code}&#xa0;».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this client no longer exists.</source>
        <translation>ce client n’existe plus.</translation>
    </message>
    <message>
        <location filename="../../services/company.py" line="+16"/>
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
        <location filename="../../services/db.py" line="+30"/>
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
        <location filename="../../services/identifiers.py" line="+26"/>
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
        <location filename="../../services/imports.py" line="+49"/>
        <source>the file {path} cannot be read: {detail}</source>
        <translation>impossible de lire le fichier {path}&#xa0;: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file {path} is empty (no header line).</source>
        <translation>le fichier {path} est vide (aucune ligne d’en-tête).</translation>
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
        <location filename="../../services/invoices.py" line="+1"/>
        <source>the number &apos;{number}&apos; is already used.</source>
        <translation>le numéro «&#xa0;{number}&#xa0;» est déjà utilisé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{value}&apos; is not a kind of invoice (invoice, credit_note).</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un type de pièce valide (invoice, credit_note).</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../services/payments.py" line="+6"/>
        <source>&apos;{value}&apos; is not a three-letter currency code (EUR…).</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un code devise à trois lettres (EUR…).</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+3"/>
        <source>this invoice no longer exists.</source>
        <translation>cette facture n’existe plus.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no invoice has the number &apos;{number}&apos;.</source>
        <translation>aucune facture ne porte le numéro «&#xa0;{number}&#xa0;».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The due date {due} is before the issue date {issue}.</source>
        <translation>L’échéance du {due} est antérieure à la date d’émission du {issue}.</translation>
    </message>
    <message>
        <location filename="../../services/money.py" line="+18"/>
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
        <location filename="../../services/payments.py" line="-5"/>
        <source>&apos;{value}&apos; is not a payment method (transfer, cheque, card, cash, direct_debit, bill_of_exchange).</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un mode de règlement valide (transfer, cheque, card, cash, direct_debit, bill_of_exchange).</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <location filename="../../services/terms.py" line="+32"/>
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
        <source>The due date {due} exceeds both legal caps for a business client (60 days: {cap60}; 45 days end of month: {cap45}) — art. L441-10 of the Code de commerce.</source>
        <translation>L’échéance du {due} dépasse les deux plafonds légaux applicables à un client professionnel (60 jours&#xa0;: {cap60}&#xa0;; 45 jours fin de mois&#xa0;: {cap45}) — art. L441-10 du Code de commerce.</translation>
    </message>
    <message>
        <location filename="../../services/demo.py" line="+48"/>
        <source>the database already holds data; demo data goes into an empty database (or use --force to add it alongside, with prefixed codes).</source>
        <translation>la base de données contient déjà des données&#xa0;; les données de démonstration se chargent dans une base vide (ou utilisez --force pour les ajouter en plus, avec des codes préfixés).</translation>
    </message>
    <message>
        <location filename="../../services/errors.py" line="+19"/>
        <source>{field}: {reason}</source>
        <extracomment>How a field&apos;s error reads: &quot;SIREN: the check digits do not match&quot;.</extracomment>
        <translation>{field}&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../ui/dialogs/payment_dialog.py" line="+50"/>
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
        <location line="+131"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="-126"/>
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
        <location line="+1"/>
        <source>The oldest due invoices first (art. 1342-10 Code civil)</source>
        <translation>Les factures échues les plus anciennes d’abord (art. 1342-10 du Code civil)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The invoices I choose below</source>
        <translation>Les factures que je choisis ci-dessous</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+98"/>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To allocate</source>
        <translation>À imputer</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Anything left over stays as credit on the client.</source>
        <translation>Tout excédent reste en crédit sur le compte du client.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An amount to allocate is not a number.</source>
        <translation>Un montant à imputer n’est pas un nombre valide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allocated: {amount}</source>
        <translation>Imputé&#xa0;: {amount}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+6"/>
        <source>Amount {amount} — allocated {allocated} — credit left {left}</source>
        <translation>Montant {amount} — imputé {allocated} — crédit restant {left}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>removed on {date}</source>
        <translation>retirée le {date}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot allocate</source>
        <translation>Imputation impossible</translation>
    </message>
    <message>
        <location line="+43"/>
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
        <location filename="../../ui/pages.py" line="+147"/>
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
        <location line="+12"/>
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
        <location line="+22"/>
        <source>Delete the payment of {amount} received on {date}? Its allocations are removed and the deletion is kept in the history.</source>
        <translation>Supprimer le paiement de {amount} reçu le {date}&#xa0;? Ses imputations seront retirées et la suppression restera tracée dans l’historique.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="+27"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Follow the system</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A change of language applies at once to menus and lists; open windows keep their language until closed.</source>
        <translation>Le changement de langue s’applique immédiatement aux menus et aux listes&#xa0;; les fenêtres ouvertes conservent leur langue jusqu’à leur fermeture.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/welcome.py" line="+26"/>
        <source>Welcome to Encaisse</source>
        <translation>Bienvenue dans Encaisse</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Encaisse keeps track of who owes you what, tells you what falls due and what is late, and helps you get paid. Your book is empty: how would you like to start?</source>
        <translation>Encaisse suit qui vous doit quoi, vous signale les échéances et les retards, et vous aide à vous faire payer. Votre dossier est vide&#xa0;: par où souhaitez-vous commencer&#xa0;?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter my company details</source>
        <translation>Saisir les coordonnées de mon entreprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, SIREN, address, bank details and your usual payment terms.</source>
        <translation>Raison sociale, SIREN, adresse, coordonnées bancaires et vos conditions de paiement habituelles.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import my invoices (CSV)</source>
        <translation>Importer mes factures (CSV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clients, invoices and payments from a spreadsheet or your invoicing software.</source>
        <translation>Clients, factures et paiements depuis un tableur ou votre logiciel de facturation.</translation>
    </message>
    <message>
        <location line="+2"/>
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
