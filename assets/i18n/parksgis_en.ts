<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AsOfBar</name>
    <message>
        <location filename="../../parksgis/qt/as_of_bar.py" line="87"/>
        <source>Compare with…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/as_of_bar.py" line="148"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/as_of_bar.py" line="90"/>
        <source>List and highlight the projects whose status changed between this day and the day shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/as_of_bar.py" line="88"/>
        <source>Map, legend, table and dashboard show each project&apos;s status at the end of this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/as_of_bar.py" line="148"/>
        <source>Newly started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/as_of_bar.py" line="156"/>
        <source>No status changed between these days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/as_of_bar.py" line="149"/>
        <source>Other changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/as_of_bar.py" line="85"/>
        <source>Status as of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/as_of_bar.py" line="149"/>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/as_of_bar.py" line="86"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttributeTable</name>
    <message>
        <location filename="../../parksgis/qt/attribute_table.py" line="302"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/attribute_table.py" line="275"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/attribute_table.py" line="271"/>
        <source>Filter: name, id, any text (Chinese or English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/attribute_table.py" line="279"/>
        <source>No project</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="129"/>
        <source>%1, by %2 at %3 (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="136"/>
        <source>%n open conflict(s): the field office and headquarters both changed these fields. Choose the value to keep for each, then Apply.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="95"/>
        <source>Actual finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="95"/>
        <source>Actual start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="80"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="76"/>
        <source>Base value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="180"/>
        <source>Choose a value to keep for at least one conflict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="81"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="76"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="76"/>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="147"/>
        <source>Field office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="77"/>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="147"/>
        <source>Headquarters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="77"/>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="79"/>
        <source>Keep all headquarters values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="74"/>
        <source>Merge conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="138"/>
        <source>No open conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="96"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="94"/>
        <source>Planned finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="94"/>
        <source>Planned start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="93"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="76"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="93"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/conflicts_dialog.py" line="78"/>
        <source>Take all field-office values</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrsPickerDialog</name>
    <message>
        <location filename="../../parksgis/qt/problem_fixes.py" line="36"/>
        <source>Coordinate system of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_fixes.py" line="47"/>
        <source>The coordinate system the data was drawn in (an EPSG code, WKT or PROJ text). For Yangjiang this is usually CGCS2000 / 3-degree Gauss-Kruger CM 111E, EPSG:4546.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="319"/>
        <source>%1 projects, %2 features selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="202"/>
        <source>100 million yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="200"/>
        <source>Investment by status (100 million yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="219"/>
        <location filename="../../parksgis/qt/dashboard.py" line="234"/>
        <source>New roads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="151"/>
        <source>No project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="259"/>
        <source>Progress over time (no edits recorded yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="246"/>
        <source>Progress over time: projects by status, mean progress %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="188"/>
        <source>Projects by status per park</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="220"/>
        <source>Road km by status (2014 targets cover all parks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="216"/>
        <source>Road km by status against the 2014 targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="219"/>
        <location filename="../../parksgis/qt/dashboard.py" line="234"/>
        <source>Upgraded roads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="143"/>
        <source>as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="189"/>
        <location filename="../../parksgis/qt/dashboard.py" line="272"/>
        <source>projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/dashboard.py" line="229"/>
        <source>target %1 km</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayCrsDialog</name>
    <message>
        <location filename="../../parksgis/qt/settings_dialog.py" line="36"/>
        <source>%1 / %2-degree Gauss-Krüger, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/settings_dialog.py" line="43"/>
        <source>Display CRS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/settings_dialog.py" line="50"/>
        <source>Map display and measuring CRS (EPSG code, WKT or PROJ). Default EPSG:4546, CGCS2000 / 3-degree Gauss-Kruger CM 111E.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/settings_dialog.py" line="22"/>
        <source>axis units are not metres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/settings_dialog.py" line="34"/>
        <source>central meridian %1°E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/settings_dialog.py" line="19"/>
        <source>not a projected CRS (distances would be in degrees)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/settings_dialog.py" line="35"/>
        <source>zone %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="171"/>
        <source>A3 landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="171"/>
        <source>A3 portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="170"/>
        <source>A4 landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="170"/>
        <source>A4 portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="169"/>
        <source>All parks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="175"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="234"/>
        <source>Choose a file to export to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="164"/>
        <source>DPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="163"/>
        <location filename="../../parksgis/qt/export_dialog.py" line="176"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="162"/>
        <location filename="../../parksgis/qt/export_dialog.py" line="211"/>
        <source>Export briefing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="241"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="243"/>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="163"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="163"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="165"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="212"/>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="164"/>
        <source>Page size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="172"/>
        <source>Pixel size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="164"/>
        <source>Pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="165"/>
        <source>Status date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="168"/>
        <source>The current view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="165"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="178"/>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="177"/>
        <source>briefing.png, .pdf or .svg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="198"/>
        <source>from the file name: .png, .pdf or .svg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="275"/>
        <source>status date %1 is not a date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="278"/>
        <source>statuses as of %1 need the status register; open a layers folder or a pack</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeatureTableModel</name>
    <message>
        <location filename="../../parksgis/qt/attribute_table.py" line="97"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../parksgis/qt/help_dialogs.py" line="27"/>
        <source>parksgis user guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentifyPanel</name>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="204"/>
        <source>%1 10k yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../parksgis/qt/identify_panel.py" line="160"/>
        <source>(+%n more selected)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="137"/>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="177"/>
        <source>Click a feature on the map to identify it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="138"/>
        <source>Contractor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="135"/>
        <source>English name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="141"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="136"/>
        <source>Investment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="135"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="170"/>
        <source>No project linked to this feature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="137"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="137"/>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="136"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="134"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="171"/>
        <source>Project %1 is not in the register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="135"/>
        <source>Project id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/identify_panel.py" line="141"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageryControls</name>
    <message>
        <location filename="../../parksgis/qt/imagery_controls.py" line="80"/>
        <source>Brightness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/imagery_controls.py" line="114"/>
        <location filename="../../parksgis/qt/imagery_controls.py" line="115"/>
        <source>Compare imagery (swipe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/imagery_controls.py" line="82"/>
        <source>Contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/imagery_controls.py" line="116"/>
        <source>Left of the line: imagery flown by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/imagery_controls.py" line="78"/>
        <source>Opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/imagery_controls.py" line="85"/>
        <source>Reset brightness and contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/imagery_controls.py" line="45"/>
        <source>Visible from 1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/imagery_controls.py" line="73"/>
        <source>Zoom to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/imagery_controls.py" line="51"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/imagery_controls.py" line="55"/>
        <source>to 1:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="117"/>
        <source>%n problem(s) in the file: fix them and import again. Nothing will be written.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="122"/>
        <source>%n project(s) will change. Apply writes all of them in one step, or none.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="125"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="127"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="126"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="111"/>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="112"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="110"/>
        <source>Import status spreadsheet — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="114"/>
        <source>Imported: %n history row(s) written. Undo (Ctrl+Z) reverts the whole import.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="136"/>
        <source>Nothing to apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="120"/>
        <source>Nothing to change: the register already holds these values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="112"/>
        <source>Old → new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="111"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="112"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="111"/>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerTreeModel</name>
    <message>
        <location filename="../../parksgis/qt/layer_tree.py" line="164"/>
        <source>Basemap and other layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/layer_tree.py" line="159"/>
        <source>Imagery</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerTreeView</name>
    <message>
        <location filename="../../parksgis/qt/layer_tree.py" line="269"/>
        <source>By category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/layer_tree.py" line="269"/>
        <source>By status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/layer_tree.py" line="285"/>
        <source>Opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/layer_tree.py" line="267"/>
        <source>Open attribute table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/layer_tree.py" line="276"/>
        <source>Read again with a web-map offset (GCJ-02 / BD-09)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/layer_tree.py" line="270"/>
        <source>Single colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/layer_tree.py" line="268"/>
        <source>Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/layer_tree.py" line="265"/>
        <source>Zoom to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Loader</name>
    <message>
        <location filename="../../parksgis/qt/loader.py" line="97"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/loader.py" line="98"/>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="56"/>
        <source>%1: folder %2 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="144"/>
        <source>&amp;About parksgis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="136"/>
        <source>&amp;Add layer files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="316"/>
        <source>&amp;Copy map image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="143"/>
        <source>&amp;Display CRS…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="317"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="315"/>
        <source>&amp;Export briefing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="155"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="163"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="146"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="162"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="150"/>
        <source>&amp;Measure distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="147"/>
        <source>&amp;Pan and identify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="159"/>
        <source>&amp;Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="137"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="156"/>
        <source>&amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="149"/>
        <source>&amp;Select by box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="161"/>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="160"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="157"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="148"/>
        <source>&amp;Zoom to box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="265"/>
        <source>About parksgis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="243"/>
        <source>Add layer files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="324"/>
        <source>Attribute table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="142"/>
        <source>Clear selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="352"/>
        <source>Copy failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="323"/>
        <source>Identify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="323"/>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="244"/>
        <source>Layers and imagery (*.geojson *.json *.gpkg *.shp *.kml *.tif *.tiff *.mbtiles);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="358"/>
        <source>Map image copied (%1 × %2 pixels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="164"/>
        <source>Map tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="151"/>
        <source>Measure a&amp;rea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="124"/>
        <source>Nothing on the map for “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="322"/>
        <source>Nothing to export: open a folder of layers first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="135"/>
        <source>Open &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="237"/>
        <source>Open a folder of layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="324"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="193"/>
        <source>Problems (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="323"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="287"/>
        <source>The bundled font has no glyph for %1; drawn as boxes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="145"/>
        <source>User &amp;guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="139"/>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="140"/>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="138"/>
        <source>Zoom to &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="141"/>
        <source>Zoom to &amp;selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/window_actions.py" line="158"/>
        <source>Zoom to par&amp;k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="40"/>
        <source>a folder is in the way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="312"/>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="312"/>
        <source>folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="310"/>
        <source>layer pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="37"/>
        <source>no such file or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="59"/>
        <source>nothing to draw: the layers hold no features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="266"/>
        <source>parksgis %1 — plots, roads and utilities of the Zhuhai–Yangjiang co-built industrial parks, linked to their construction projects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="304"/>
        <source>parksgis — Zhuhai–Yangjiang co-built industrial parks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="35"/>
        <location filename="../../parksgis/qt/export_dialog.py" line="36"/>
        <source>permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="315"/>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/main_window.py" line="307"/>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="38"/>
        <source>the disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="39"/>
        <source>the disk is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/export_dialog.py" line="41"/>
        <source>the name is too long</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapContextMenu</name>
    <message>
        <location filename="../../parksgis/qt/map_context_menu.py" line="32"/>
        <source>&amp;Copy coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/map_context_menu.py" line="30"/>
        <source>&amp;Identify here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/map_context_menu.py" line="36"/>
        <source>&amp;Measure from here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/map_context_menu.py" line="39"/>
        <source>&amp;Select features here (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/map_context_menu.py" line="35"/>
        <source>&amp;Zoom in here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Measure</name>
    <message>
        <location filename="../../parksgis/qt/measure.py" line="44"/>
        <source>ha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/measure.py" line="44"/>
        <source>mu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackActions</name>
    <message numerus="yes">
        <location filename="../../parksgis/qt/pack_actions.py" line="345"/>
        <source>%n open merge conflict(s): File ▸ Resolve conflicts…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="89"/>
        <source>&amp;Merge changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="271"/>
        <source>Change files (*.json *.gpkg);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="242"/>
        <source>Change files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="88"/>
        <source>Export c&amp;hanges…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="241"/>
        <source>Export changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../parksgis/qt/pack_actions.py" line="250"/>
        <source>Exported %n change(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="253"/>
        <source>Exporting changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="116"/>
        <source>Layer packs (*.gpkg);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="270"/>
        <source>Merge change files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="279"/>
        <source>Merged %1 change(s), %2 already there, %3 repeated; %4 new conflict(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="288"/>
        <source>Merging changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="87"/>
        <source>Open &amp;pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="115"/>
        <source>Open a layer pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="234"/>
        <source>Open a layer pack to export its changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="267"/>
        <source>Open a layers folder or an editable pack to merge changes into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="150"/>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="160"/>
        <source>Pack busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="90"/>
        <source>Resolve &amp;conflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/pack_actions.py" line="172"/>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemFixes</name>
    <message>
        <location filename="../../parksgis/qt/problem_fixes.py" line="102"/>
        <source>%1 came from a Chinese web map; convert its coordinates from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_fixes.py" line="121"/>
        <source>%1 could not be re-saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_fixes.py" line="99"/>
        <source>BD-09 (Baidu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_fixes.py" line="99"/>
        <source>GCJ-02 (AMap, Tencent, Google China)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_fixes.py" line="112"/>
        <source>Re-save as UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_fixes.py" line="113"/>
        <source>Rewrite %1 as UTF-8? The text stays the same; other programs will then read the Chinese names correctly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_fixes.py" line="101"/>
        <source>Web-map coordinates</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemTexts</name>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="70"/>
        <source>A feature id repeats an earlier one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="77"/>
        <source>A park listed in parks.json has no folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="65"/>
        <source>A polygon ring was not closed; closed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="72"/>
        <source>A property named “geometry” is kept as “geometry_property”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="47"/>
        <source>An entry is not a feature; dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="32"/>
        <source>Binary data, not a text layer file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="50"/>
        <source>Coordinates of the wrong structure; feature dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="51"/>
        <source>Coordinates that are not numbers (NaN, Infinity); feature dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="64"/>
        <source>Empty geometry; kept as a row without a shape.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="46"/>
        <source>GDAL could not read the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="66"/>
        <source>Invalid geometry (e.g. a self-intersection); repaired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="38"/>
        <source>JSON, but not GeoJSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="52"/>
        <source>Longitude or latitude out of range; feature dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="60"/>
        <source>Longitude/latitude-like values with a projected coordinate system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="36"/>
        <source>Nested too deeply to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="63"/>
        <source>No geometry; kept as a row without a shape.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="29"/>
        <source>No such file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="45"/>
        <source>Not a layer format GDAL knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="37"/>
        <source>Not enough memory to read the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="35"/>
        <source>Not valid JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="67"/>
        <source>Nothing left after repairing the geometry; kept as a row without a shape.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="69"/>
        <source>Points, lines and polygons mixed in one layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="61"/>
        <source>Some coordinates lie outside China and were left without the web-map offset conversion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="34"/>
        <source>The JSON stops early: a cut-off download or copy?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="58"/>
        <source>The coordinate system chosen differs from the one the file names; the chosen one is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="57"/>
        <source>The coordinates are latitude,longitude, not longitude,latitude.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="53"/>
        <source>The coordinates fall outside what the coordinate system can project; feature dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="41"/>
        <source>The coordinates look projected (metres), not longitude/latitude, and the file names no coordinate system: choose the one the data was drawn in (for Yangjiang usually CGCS2000 / 3-degree GK CM 111E, EPSG:4546).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="76"/>
        <source>The feature names a project that is not in the register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="71"/>
        <source>The feature&apos;s properties are not an object; ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="30"/>
        <source>The file cannot be read (a folder, or no permission).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="75"/>
        <source>The file has no geometry; its rows are kept without shapes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="73"/>
        <source>The file holds several layers; the first is read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="55"/>
        <source>The file is GBK/GB18030, not UTF-8: read correctly here, but other programs may garble it. Re-save it as UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="31"/>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="39"/>
        <source>The file names a coordinate system that is not known: choose the one the data was drawn in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="48"/>
        <source>The geometry is not valid GeoJSON; feature dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="74"/>
        <source>The layer has no features.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="79"/>
        <source>The status register cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="33"/>
        <source>The text is neither UTF-8 nor GBK/GB18030: save it as UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="49"/>
        <source>Unknown geometry type; feature dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="19"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="78"/>
        <source>parks.json cannot be read; the park folders are read without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problem_texts.py" line="19"/>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../parksgis/qt/problems_panel.py" line="104"/>
        <source>Choose coordinate system…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problems_panel.py" line="66"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problems_panel.py" line="138"/>
        <source>Copy the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problems_panel.py" line="66"/>
        <source>Feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problems_panel.py" line="66"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problems_panel.py" line="67"/>
        <source>Fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problems_panel.py" line="66"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problems_panel.py" line="67"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problems_panel.py" line="105"/>
        <source>Re-save as UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/problems_panel.py" line="136"/>
        <source>Read again with a web-map offset (GCJ-02 / BD-09)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../parksgis/qt/qt_own_strings.py" line="15"/>
        <source>&amp;Look in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/qt_own_strings.py" line="16"/>
        <source>Files of &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterLink</name>
    <message>
        <location filename="../../parksgis/qt/register_link.py" line="166"/>
        <source>No status register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_link.py" line="94"/>
        <source>No status register: open a folder of layers or a pack to edit statuses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_link.py" line="164"/>
        <source>Nothing is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_link.py" line="186"/>
        <source>Sample parks: your status edits are saved in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_link.py" line="168"/>
        <source>The connection to the database server was lost; edits are refused until it is back (reconnecting automatically).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_link.py" line="171"/>
        <source>The folder %1 cannot be written, so it is open read-only. To edit statuses, copy it to a folder you can write to (parksgis sample DIR copies the sample parks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_link.py" line="175"/>
        <source>The register is open read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_link.py" line="83"/>
        <source>This GeoPackage holds no register.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterPanels</name>
    <message>
        <location filename="../../parksgis/qt/register_panels.py" line="51"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_panels.py" line="117"/>
        <source>Name recorded with your status edits (empty: your system user name):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_panels.py" line="45"/>
        <location filename="../../parksgis/qt/register_panels.py" line="82"/>
        <source>Status as of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_panels.py" line="50"/>
        <source>Status changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_panels.py" line="116"/>
        <source>Your name in the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_panels.py" line="63"/>
        <location filename="../../parksgis/qt/register_panels.py" line="83"/>
        <source>Your name in the history…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterTexts</name>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="23"/>
        <source>Actual finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="22"/>
        <source>Actual start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="30"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="29"/>
        <source>Contractor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="26"/>
        <source>English name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="27"/>
        <source>Investment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="25"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="24"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="28"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="31"/>
        <source>Park</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="21"/>
        <source>Planned finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="20"/>
        <source>Planned start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="19"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/register_texts.py" line="18"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScaleBox</name>
    <message>
        <location filename="../../parksgis/qt/scale_box.py" line="52"/>
        <source>Map scale: type 1:N and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../parksgis/qt/search_box.py" line="105"/>
        <source>Search a project or feature: name or id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../parksgis/qt/help_dialogs.py" line="77"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/help_dialogs.py" line="74"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/help_dialogs.py" line="86"/>
        <source>On the map: drag to pan, wheel to zoom, shift-drag zooms to a box, ctrl-drag selects, right-click for more. Esc returns to pan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/help_dialogs.py" line="77"/>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpreadsheetActions</name>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="276"/>
        <source>%1: the file name must end in .csv or .xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="188"/>
        <source>&amp;Import status spreadsheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="195"/>
        <source>Apply a CSV or XLSX status sheet to the register, after a preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="189"/>
        <source>E&amp;xport register…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="260"/>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="259"/>
        <source>Export register</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="284"/>
        <source>Exported %n project(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="217"/>
        <source>Import status spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="251"/>
        <source>Imported %1: %n history row(s) written (Ctrl+Z undoes the import).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="158"/>
        <source>Showing statuses as of %1: return to today to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="218"/>
        <source>Spreadsheets (*.csv *.xlsx *.xlsm);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="199"/>
        <source>Write the register to a CSV (UTF-8) or XLSX file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="304"/>
        <source>parksgis</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaleEditDialog</name>
    <message>
        <location filename="../../parksgis/qt/stale_edit_dialog.py" line="43"/>
        <source>Apply mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/stale_edit_dialog.py" line="30"/>
        <source>Changed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/stale_edit_dialog.py" line="24"/>
        <source>Changed by someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/stale_edit_dialog.py" line="45"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/stale_edit_dialog.py" line="29"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/stale_edit_dialog.py" line="41"/>
        <source>Keep theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/stale_edit_dialog.py" line="30"/>
        <source>Now in the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/stale_edit_dialog.py" line="26"/>
        <source>Project %1 changed after you opened it. Nothing was saved. Compare the values and choose which to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/stale_edit_dialog.py" line="29"/>
        <source>Yours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusEditor</name>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="137"/>
        <source>Actual finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="137"/>
        <source>Actual start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="141"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="195"/>
        <source>Changed elsewhere while you were editing; Apply will show both values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="134"/>
        <source>Edit status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="144"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="286"/>
        <source>Kept the register&apos;s values; yours were dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="250"/>
        <source>No changes to apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="138"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="301"/>
        <source>Nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="136"/>
        <source>Planned finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="136"/>
        <source>Planned start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="135"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="267"/>
        <source>Saved %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="177"/>
        <source>Showing statuses as of %1: return to today to edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="135"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="142"/>
        <source>Undo last edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="143"/>
        <source>Undo last status edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="304"/>
        <source>Undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="288"/>
        <source>Your values are still in the form: change them or Apply to overwrite what is in the register now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="220"/>
        <source>initial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="220"/>
        <source>merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="219"/>
        <source>spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="219"/>
        <source>undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_editor.py" line="219"/>
        <source>window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusLegend</name>
    <message>
        <location filename="../../parksgis/qt/status_legend.py" line="102"/>
        <location filename="../../parksgis/qt/status_legend.py" line="128"/>
        <source>Click a status to hide or show its features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/status_legend.py" line="139"/>
        <source>No project</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViewportFeeder</name>
    <message>
        <location filename="../../parksgis/qt/viewport_feeder.py" line="165"/>
        <source>Could not read the map&apos;s features: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkspaceLoading</name>
    <message>
        <location filename="../../parksgis/qt/workspace_loading.py" line="39"/>
        <location filename="../../parksgis/qt/workspace_loading.py" line="63"/>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../parksgis/qt/workspace_loading.py" line="70"/>
        <source>Opening cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../parksgis/qt/workspace_loading.py" line="152"/>
        <source>Reading %n file(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
