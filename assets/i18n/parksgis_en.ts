<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>AsOfBar</name>
        <message>
            <location filename="../../parksgis/qt/as_of_bar.py" line="87" />
            <source>Compare with…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/as_of_bar.py" line="145" />
            <source>Completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/as_of_bar.py" line="90" />
            <source>List and highlight the projects whose status changed between this day and the day shown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/as_of_bar.py" line="88" />
            <source>Map, legend, table and dashboard show each project's status at the end of this day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/as_of_bar.py" line="145" />
            <source>Newly started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/as_of_bar.py" line="153" />
            <source>No status changed between these days.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/as_of_bar.py" line="146" />
            <source>Other changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/as_of_bar.py" line="85" />
            <source>Status as of</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/as_of_bar.py" line="146" />
            <source>Suspended</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/as_of_bar.py" line="86" />
            <source>Today</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AttributeTable</name>
        <message>
            <location filename="../../parksgis/qt/attribute_table.py" line="257" />
            <source>%1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/attribute_table.py" line="235" />
            <source>All statuses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/attribute_table.py" line="231" />
            <source>Filter: name, id, any text (中文 / English)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/attribute_table.py" line="239" />
            <source>No project</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="129" />
            <source>%1, by %2 at %3 (UTC)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="136" />
            <source>%n open conflict(s): the field office and headquarters both changed these fields. Choose the value to keep for each, then Apply.</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="95" />
            <source>Actual finish</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="95" />
            <source>Actual start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="80" />
            <source>Apply</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="76" />
            <source>Base value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="180" />
            <source>Choose a value to keep for at least one conflict.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="81" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="76" />
            <source>Field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="76" />
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="147" />
            <source>Field office</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="77" />
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="147" />
            <source>Headquarters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="77" />
            <source>Keep</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="79" />
            <source>Keep all headquarters values</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="74" />
            <source>Merge conflicts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="138" />
            <source>No open conflicts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="96" />
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="94" />
            <source>Planned finish</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="94" />
            <source>Planned start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="93" />
            <source>Progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="76" />
            <source>Project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="93" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/conflicts_dialog.py" line="78" />
            <source>Take all field-office values</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="276" />
            <source>%1 projects, %2 features selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="189" />
            <source>Investment by status (100 million yuan)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="215" />
            <source>New roads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="141" />
            <source>No project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="232" />
            <source>Progress over time (no edits recorded yet)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="222" />
            <source>Progress over time: projects by status, mean progress %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="177" />
            <source>Projects by status per park</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="217" />
            <source>Road km by status against the 2014 targets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="215" />
            <source>Upgraded roads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="133" />
            <source>as of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="178" />
            <location filename="../../parksgis/qt/dashboard.py" line="243" />
            <source>projects</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/dashboard.py" line="210" />
            <source>target %1 km</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DisplayCrsDialog</name>
        <message>
            <location filename="../../parksgis/qt/settings_dialog.py" line="27" />
            <source>Display CRS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/settings_dialog.py" line="33" />
            <source>Map display and measuring CRS (EPSG code, WKT or PROJ). Default EPSG:4546, CGCS2000 / 3-degree Gauss-Kruger CM 111E.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/settings_dialog.py" line="20" />
            <source>axis units are not metres</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/settings_dialog.py" line="17" />
            <source>not a projected CRS (distances would be in degrees)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="150" />
            <source>A3 landscape</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="150" />
            <source>A3 portrait</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="149" />
            <source>A4 landscape</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="149" />
            <source>A4 portrait</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="148" />
            <source>All parks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="154" />
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="213" />
            <source>Choose a file to export to.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="143" />
            <source>DPI</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="142" />
            <location filename="../../parksgis/qt/export_dialog.py" line="155" />
            <source>Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="141" />
            <location filename="../../parksgis/qt/export_dialog.py" line="190" />
            <source>Export briefing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="220" />
            <source>Export failed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="222" />
            <source>Exported %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="142" />
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="142" />
            <source>Format</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="144" />
            <source>Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="191" />
            <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="143" />
            <source>Page size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="151" />
            <source>Pixel size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="143" />
            <source>Pixels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="144" />
            <source>Status date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="147" />
            <source>The current view</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="144" />
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="157" />
            <source>YYYY-MM-DD</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="156" />
            <source>briefing.png, .pdf or .svg</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="177" />
            <source>from the file name: .png, .pdf or .svg</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="253" />
            <source>status date %1 is not a date (YYYY-MM-DD)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="256" />
            <source>statuses as of %1 need the status register; open a layers folder or a pack</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FeatureTableModel</name>
        <message>
            <location filename="../../parksgis/qt/attribute_table.py" line="73" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IdentifyPanel</name>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="167" />
            <source>%1 10k yuan</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../parksgis/qt/identify_panel.py" line="126" />
            <source>(+%n more selected)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="106" />
            <source>Actual</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="141" />
            <source>Click a feature on the map to identify it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="107" />
            <source>Contractor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="103" />
            <source>English name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="110" />
            <source>Field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="105" />
            <source>Investment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="103" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="135" />
            <source>No project linked to this feature.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="106" />
            <source>Owner</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="106" />
            <source>Planned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="105" />
            <source>Progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="102" />
            <source>Project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="136" />
            <source>Project %1 is not in the register.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="103" />
            <source>Project id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="104" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="110" />
            <source>Value</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImageryControls</name>
        <message>
            <location filename="../../parksgis/qt/imagery_controls.py" line="81" />
            <source>Brightness</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/imagery_controls.py" line="115" />
            <location filename="../../parksgis/qt/imagery_controls.py" line="116" />
            <source>Compare imagery (swipe)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/imagery_controls.py" line="83" />
            <source>Contrast</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/imagery_controls.py" line="117" />
            <source>Left of the line: imagery flown by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/imagery_controls.py" line="79" />
            <source>Opacity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/imagery_controls.py" line="86" />
            <source>Reset brightness and contrast</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/imagery_controls.py" line="46" />
            <source>Visible from 1:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/imagery_controls.py" line="74" />
            <source>Zoom to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/imagery_controls.py" line="52" />
            <source>any</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/imagery_controls.py" line="56" />
            <source>to 1:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportPreviewDialog</name>
        <message numerus="yes">
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="120" />
            <source>%n problem(s) in the file: fix them and import again. Nothing will be written.</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="125" />
            <source>%n project(s) will change. Apply writes all of them in one step, or none.</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="128" />
            <source>Apply</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="130" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="129" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="114" />
            <source>Column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="115" />
            <source>Field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="113" />
            <source>Import status spreadsheet — %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="117" />
            <source>Imported: %n history row(s) written. Undo (Ctrl+Z) reverts the whole import.</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="139" />
            <source>Nothing to apply.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="123" />
            <source>Nothing to change: the register already holds these values.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="115" />
            <source>Old → new</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="114" />
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="115" />
            <source>Project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="114" />
            <source>Row</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LayerTreeModel</name>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="164" />
            <source>Basemap and other layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="159" />
            <source>Imagery</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LayerTreeView</name>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="268" />
            <source>By category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="268" />
            <source>By status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="281" />
            <source>Opacity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="266" />
            <source>Open attribute table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="269" />
            <source>Single colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="267" />
            <source>Style</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="264" />
            <source>Zoom to</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Loader</name>
        <message>
            <location filename="../../parksgis/qt/loader.py" line="71" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/loader.py" line="73" />
            <source>Loading</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="128" />
            <source>&amp;About parksgis</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="124" />
            <source>&amp;Add layer files…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="299" />
            <source>&amp;Copy map image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="127" />
            <source>&amp;Display CRS…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="300" />
            <source>&amp;Edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="298" />
            <source>&amp;Export briefing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="137" />
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="145" />
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="144" />
            <source>&amp;Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="132" />
            <source>&amp;Measure distance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="129" />
            <source>&amp;Pan and identify</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="141" />
            <source>&amp;Panels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="125" />
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="138" />
            <source>&amp;Recent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="131" />
            <source>&amp;Select by box</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="143" />
            <source>&amp;Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="142" />
            <source>&amp;Tools</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="139" />
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="130" />
            <source>&amp;Zoom to box</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="239" />
            <source>About parksgis</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="217" />
            <source>Add layer files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="279" />
            <source>Attribute table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="127" />
            <source>Clear selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="333" />
            <source>Copy failed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="278" />
            <source>Identify</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="278" />
            <source>Layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="218" />
            <source>Layers and imagery (*.geojson *.json *.gpkg *.shp *.kml *.tif *.tiff *.mbtiles);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="339" />
            <source>Map image copied (%1 × %2 pixels)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="146" />
            <source>Map tools</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="133" />
            <source>Measure a&amp;rea</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="111" />
            <source>Nothing on the map for “%1”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="304" />
            <source>Nothing to export: open a folder of layers first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="124" />
            <source>Open &amp;folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="211" />
            <source>Open a folder of layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="279" />
            <source>Problems</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="176" />
            <source>Problems (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="278" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/export_dialog.py" line="265" />
            <source>The bundled font has no glyph for %1; drawn as boxes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="125" />
            <source>Zoom &amp;in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="126" />
            <source>Zoom &amp;out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="125" />
            <source>Zoom to &amp;all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="140" />
            <source>Zoom to &amp;park</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="126" />
            <source>Zoom to &amp;selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="239" />
            <source>parksgis %1 — plots, roads and utilities of the Zhuhai–Yangjiang co-built industrial parks, linked to their construction projects.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="275" />
            <source>parksgis — Zhuhai–Yangjiang co-built industrial parks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layers (*.geojson *.json *.gpkg *.shp *.kml);;All files (*)</source>
            <translation type="vanished" />
        </message>
    </context>
    <context>
        <name>PackActions</name>
        <message numerus="yes">
            <location filename="../../parksgis/qt/pack_actions.py" line="313" />
            <source>%n open merge conflict(s): File ▸ Resolve conflicts…</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="88" />
            <source>&amp;Export changes…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="89" />
            <source>&amp;Merge changes…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="260" />
            <source>Change files (*.json *.gpkg);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="232" />
            <source>Change files (*.json)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="231" />
            <source>Export changes</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../parksgis/qt/pack_actions.py" line="246" />
            <source>Exported %n change(s) to %1</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="237" />
            <source>Exporting changes…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="116" />
            <source>Layer packs (*.gpkg);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="259" />
            <source>Merge change files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="274" />
            <source>Merged %1 change(s), %2 already there, %3 repeated; %4 new conflict(s).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="265" />
            <source>Merging changes…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="87" />
            <source>Open &amp;pack…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="115" />
            <source>Open a layer pack</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="224" />
            <source>Open a layer pack to export its changes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="256" />
            <source>Open a layers folder or an editable pack to merge changes into it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="135" />
            <source>Opening %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="151" />
            <source>Pack busy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="90" />
            <source>Resolve &amp;conflicts…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/pack_actions.py" line="163" />
            <source>read-only</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProblemsPanel</name>
        <message>
            <location filename="../../parksgis/qt/problems_panel.py" line="26" />
            <source>Code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/problems_panel.py" line="26" />
            <source>Feature</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/problems_panel.py" line="26" />
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/problems_panel.py" line="26" />
            <source>Level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/problems_panel.py" line="27" />
            <source>Message</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RegisterLink</name>
        <message>
            <location filename="../../parksgis/qt/register_link.py" line="171" />
            <source>No status register.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/register_link.py" line="99" />
            <source>No status register: open a folder of layers or a pack to edit statuses.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/register_link.py" line="169" />
            <source>Nothing is open.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/register_link.py" line="191" />
            <source>Sample parks: your status edits are saved in %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/register_link.py" line="173" />
            <source>The connection to the database server was lost; edits are refused until it is back (reconnecting automatically).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/register_link.py" line="176" />
            <source>The folder %1 cannot be written, so it is open read-only. To edit statuses, copy it to a folder you can write to (parksgis sample DIR copies the sample parks).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/register_link.py" line="180" />
            <source>The register is open read-only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/register_link.py" line="88" />
            <source>This GeoPackage holds no register.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The pack is open read-only.</source>
            <translation type="vanished" />
        </message>
    </context>
    <context>
        <name>RegisterPanels</name>
        <message>
            <location filename="../../parksgis/qt/register_panels.py" line="62" />
            <source>Dashboard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/register_panels.py" line="122" />
            <source>Name recorded with your status edits (empty: your system user name):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/register_panels.py" line="56" />
            <source>Status as of</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/register_panels.py" line="61" />
            <source>Status changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/register_panels.py" line="121" />
            <source>Your name in the history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/register_panels.py" line="74" />
            <source>Your name in the history…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SearchBox</name>
        <message>
            <location filename="../../parksgis/qt/search_box.py" line="61" />
            <source>Search project or feature (中文 / English / id)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SpreadsheetActions</name>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="284" />
            <source>%1: the file name must end in .csv or .xlsx</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="196" />
            <source>&amp;Import status spreadsheet…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="203" />
            <source>Apply a CSV or XLSX status sheet to the register, after a preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="197" />
            <source>E&amp;xport register…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="268" />
            <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="267" />
            <source>Export register</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="292" />
            <source>Exported %n project(s) to %1</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="225" />
            <source>Import status spreadsheet</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="259" />
            <source>Imported %1: %n history row(s) written (Ctrl+Z undoes the import).</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="161" />
            <source>Showing statuses as of %1: return to today to import.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="226" />
            <source>Spreadsheets (*.csv *.xlsx *.xlsm);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="207" />
            <source>Write the register to a CSV (UTF-8) or XLSX file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/spreadsheet_dialog.py" line="312" />
            <source>parksgis</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StatusEditor</name>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="134" />
            <source>Actual finish</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="134" />
            <source>Actual start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="138" />
            <source>Apply</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="187" />
            <source>Changed elsewhere while you were editing; Apply will show both values.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="131" />
            <source>Edit status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="141" />
            <source>History</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="252" />
            <source>No changes to apply.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="135" />
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="273" />
            <source>Nothing to undo.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="133" />
            <source>Planned finish</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="133" />
            <source>Planned start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="132" />
            <source>Progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="260" />
            <source>Saved %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="173" />
            <source>Showing statuses as of %1: return to today to edit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="132" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="139" />
            <source>Undo last edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="140" />
            <source>Undo last status edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/status_editor.py" line="276" />
            <source>Undone: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StatusLegend</name>
        <message>
            <location filename="../../parksgis/qt/status_legend.py" line="67" />
            <location filename="../../parksgis/qt/status_legend.py" line="94" />
            <source>Click a status to hide or show its features</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/status_legend.py" line="106" />
            <source>No project</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WorkspaceLoading</name>
        <message>
            <location filename="../../parksgis/qt/workspace_loading.py" line="32" />
            <location filename="../../parksgis/qt/workspace_loading.py" line="59" />
            <source>Opening %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/workspace_loading.py" line="34" />
            <location filename="../../parksgis/qt/workspace_loading.py" line="61" />
            <source>Opening cancelled</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../parksgis/qt/workspace_loading.py" line="128" />
            <source>Reading %n file(s)…</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
    </context>
</TS>
