<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ClientsPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages.py" line="+107"/>
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message numerus="yes">
        <location filename="../../ui/followup_page.py" line="+213"/>
        <source>%n action(s)</source>
        <translation>
            <numerusform>%n action</numerusform>
            <numerusform>%n actions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../ui/dialogs/import_dialog.py" line="+116"/>
        <source>%n problem(s) found: nothing was imported. Correct the file and try again.</source>
        <translation>
            <numerusform>%n problem found: nothing was imported. Correct the file and try again.</numerusform>
            <numerusform>%n problems found: nothing was imported. Correct the file and try again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n row(s) are ready to import. Nothing was written yet.</source>
        <translation>
            <numerusform>%n row is ready to import. Nothing was written yet.</numerusform>
            <numerusform>%n rows are ready to import. Nothing was written yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n row(s) imported.</source>
        <translation>
            <numerusform>%n row imported.</numerusform>
            <numerusform>%n rows imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InvoicesPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages.py" line="+225"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LettersDialog</name>
    <message numerus="yes">
        <location filename="../../ui/letters_dialog.py" line="+156"/>
        <source>%n letter(s) to send.</source>
        <translation>
            <numerusform>%n letter to send.</numerusform>
            <numerusform>%n letters to send.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message numerus="yes">
        <location filename="../../ui/list_page.py" line="+178"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="+238"/>
        <source>%n document(s) deleted more than 30 days ago removed from the trash.</source>
        <translation>
            <numerusform>%n document deleted more than 30 days ago removed from the trash.</numerusform>
            <numerusform>%n documents deleted more than 30 days ago removed from the trash.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message numerus="yes">
        <location filename="../../ui/outbox_dialog.py" line="+120"/>
        <source>%n e-mail(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n e-mail waiting to be sent.</numerusform>
            <numerusform>%n e-mails waiting to be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>Remove %n e-mail(s) from the queue without sending them?</source>
        <translation>
            <numerusform>Remove %n e-mail from the queue without sending it?</numerusform>
            <numerusform>Remove %n e-mails from the queue without sending them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages.py" line="+114"/>
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n payment</numerusform>
            <numerusform>%n payments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <location filename="../../ui/labels.py" line="+109"/>
        <source>✘ %n missing</source>
        <translation>
            <numerusform>✘ %n missing</numerusform>
            <numerusform>✘ %n missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n invoice(s)</source>
        <translation>
            <numerusform>%n invoice</numerusform>
            <numerusform>%n invoices</numerusform>
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
            <numerusform>%n payment</numerusform>
            <numerusform>%n payments</numerusform>
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
            <numerusform>%n problem found.</numerusform>
            <numerusform>%n problems found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScenarioDialog</name>
    <message numerus="yes">
        <location filename="../../ui/dialogs/scenario_dialog.py" line="+285"/>
        <source>J−%n: %n day(s) before the due date</source>
        <translation>
            <numerusform>J−%n: %n day before the due date</numerusform>
            <numerusform>J−%n: %n days before the due date</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>J+%n: %n day(s) after the due date</source>
        <translation>
            <numerusform>J+%n: %n day after the due date</numerusform>
            <numerusform>J+%n: %n days after the due date</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendReport</name>
    <message numerus="yes">
        <location filename="../../ui/outbox_dialog.py" line="-128"/>
        <source>%n e-mail(s) sent.</source>
        <translation>
            <numerusform>%n e-mail sent.</numerusform>
            <numerusform>%n e-mails sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n e-mail(s) still in the send queue.</source>
        <translation>
            <numerusform>%n e-mail still in the send queue.</numerusform>
            <numerusform>%n e-mails still in the send queue.</numerusform>
        </translation>
    </message>
</context>
</TS>
