<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Retort::MainWindow</name>
    <message>
        <source>Retort</source>
        <translation>Retort</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open a project&apos;s alembic.ini</source>
        <translation>Die alembic.ini eines Projekts öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen …</translation>
    </message>
    <message>
        <source>Open the folder of an Alembic project, or a folder of migration scripts</source>
        <translation>Den Ordner eines Alembic-Projekts oder einen Ordner mit Migrationsskripten öffnen</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Retort</source>
        <translation>Ü&amp;ber Retort</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No project open&lt;/h3&gt;&lt;p&gt;Open an Alembic project: its &lt;tt&gt;alembic.ini&lt;/tt&gt;, the folder that holds it,&lt;br&gt;or a folder of migration scripts.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kein Projekt geöffnet&lt;/h3&gt;&lt;p&gt;Öffnen Sie ein Alembic-Projekt: seine &lt;tt&gt;alembic.ini&lt;/tt&gt;, den Ordner, der sie enthält,&lt;br&gt;oder einen Ordner mit Migrationsskripten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open alembic.ini…</source>
        <translation>alembic.ini öffnen …</translation>
    </message>
    <message>
        <source>Open Folder…</source>
        <translation>Ordner öffnen …</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen …</translation>
    </message>
    <message>
        <source>Open Alembic Project</source>
        <translation>Alembic-Projekt öffnen</translation>
    </message>
    <message>
        <source>Alembic configuration (*.ini);;All files (*)</source>
        <translation>Alembic-Konfiguration (*.ini);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Alembic Project Folder</source>
        <translation>Ordner eines Alembic-Projekts öffnen</translation>
    </message>
    <message>
        <source>%1 — Retort</source>
        <translation>%1 — Retort</translation>
    </message>
    <message>
        <source>Could not open %1.</source>
        <translation>%1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The revisions of %1 do not form a valid history.</source>
        <translation>Die Revisionen von %1 ergeben keine gültige Historie.</translation>
    </message>
    <message>
        <source>Some migration scripts of %1 could not be read; they are not listed.</source>
        <translation>Einige Migrationsskripte von %1 konnten nicht gelesen werden; sie fehlen in der Liste.</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>nicht geladen</translation>
    </message>
    <message>
        <source>1 revision</source>
        <translation>1 Revision</translation>
    </message>
    <message>
        <source>%1 revisions</source>
        <translation>%1 Revisionen</translation>
    </message>
    <message>
        <source>1 head</source>
        <translation>1 Head</translation>
    </message>
    <message>
        <source>%1 heads</source>
        <translation>%1 Heads</translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation>1 Problem</translation>
    </message>
    <message>
        <source>%1 problems</source>
        <translation>%1 Probleme</translation>
    </message>
    <message>
        <source>About Retort</source>
        <translation>Über Retort</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Retort %1&lt;/h3&gt;&lt;p&gt;A workbench for Alembic database migrations: browse the revision history, preview the SQL and run migrations, without Python.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Retort %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank für Alembic-Datenbankmigrationen: Revisionshistorie ansehen, SQL vorab prüfen und Migrationen ausführen, ohne Python.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU GPL, Version 3 oder neuer.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Retort::RevisionListModel</name>
    <message>
        <source>head</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>effective head</source>
        <translation>effektiver Head</translation>
    </message>
    <message>
        <source>base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>branch point</source>
        <translation>Verzweigung</translation>
    </message>
    <message>
        <source>merge point</source>
        <translation>Zusammenführung</translation>
    </message>
    <message>
        <source>&lt;base&gt;</source>
        <translation>&lt;Basis&gt;</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Down revisions</source>
        <translation>Vorgänger</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <source>Branch labels</source>
        <translation>Branch-Labels</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Workbench for Alembic database migrations.</source>
        <translation>Werkbank für Alembic-Datenbankmigrationen.</translation>
    </message>
    <message>
        <source>The project to open: alembic.ini, its folder, or a folder of migration scripts.</source>
        <translation>Das zu öffnende Projekt: alembic.ini, ihr Ordner oder ein Ordner mit Migrationsskripten.</translation>
    </message>
    <message>
        <source>Write a picture of the window to &lt;file&gt; once the project is loaded, then quit.</source>
        <translation>Ein Bild des Fensters nach &lt;file&gt; schreiben, sobald das Projekt geladen ist, dann beenden.</translation>
    </message>
</context>
</TS>
