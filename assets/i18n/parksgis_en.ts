<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>AttributeTable</name>
        <message>
            <location filename="../../parksgis/qt/attribute_table.py" line="222" />
            <source>%1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/attribute_table.py" line="200" />
            <source>All statuses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/attribute_table.py" line="196" />
            <source>Filter: name, id, any text (中文 / English)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/attribute_table.py" line="204" />
            <source>No project</source>
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
        <name>FeatureTableModel</name>
        <message>
            <location filename="../../parksgis/qt/attribute_table.py" line="58" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IdentifyPanel</name>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="165" />
            <source>%1 10k yuan</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../parksgis/qt/identify_panel.py" line="124" />
            <source>(+%n more selected)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="104" />
            <source>Actual</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="139" />
            <source>Click a feature on the map to identify it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="105" />
            <source>Contractor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="101" />
            <source>English name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="108" />
            <source>Field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="103" />
            <source>Investment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="101" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="133" />
            <source>No project linked to this feature.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="104" />
            <source>Owner</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="104" />
            <source>Planned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="103" />
            <source>Progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="100" />
            <source>Project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="134" />
            <source>Project %1 is not in the register.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="101" />
            <source>Project id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="102" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="108" />
            <source>Value</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LayerTreeModel</name>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="133" />
            <source>Basemap and other layers</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LayerTreeView</name>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="228" />
            <source>By category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="228" />
            <source>By status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="242" />
            <source>Opacity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="226" />
            <source>Open attribute table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="229" />
            <source>Single colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="227" />
            <source>Style</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="224" />
            <source>Zoom to</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Loader</name>
        <message>
            <location filename="../../parksgis/qt/loader.py" line="63" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/loader.py" line="65" />
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
            <location filename="../../parksgis/qt/window_actions.py" line="127" />
            <source>&amp;Display CRS…</source>
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
            <location filename="../../parksgis/qt/main_window.py" line="185" />
            <source>About parksgis</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="164" />
            <source>Add layer files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="219" />
            <source>Attribute table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="127" />
            <source>Clear selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="218" />
            <source>Identify</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="218" />
            <source>Layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="165" />
            <source>Layers (*.geojson *.json *.gpkg *.shp *.kml);;All files (*)</source>
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
            <location filename="../../parksgis/qt/main_window.py" line="87" />
            <source>Nothing on the map for “%1”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="124" />
            <source>Open &amp;folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="158" />
            <source>Open a folder of layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="219" />
            <source>Problems</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="139" />
            <source>Problems (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="218" />
            <source>Status</source>
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
            <location filename="../../parksgis/qt/main_window.py" line="185" />
            <source>parksgis %1 — plots, roads and utilities of the Zhuhai–Yangjiang co-built industrial parks, linked to their construction projects.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="216" />
            <source>parksgis — Zhuhai–Yangjiang co-built industrial parks</source>
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
        <name>SearchBox</name>
        <message>
            <location filename="../../parksgis/qt/search_box.py" line="58" />
            <source>Search project or feature (中文 / English / id)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StatusLegend</name>
        <message>
            <location filename="../../parksgis/qt/status_legend.py" line="38" />
            <location filename="../../parksgis/qt/status_legend.py" line="53" />
            <source>Click a status to hide or show its features</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/status_legend.py" line="63" />
            <source>No project</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WorkspaceLoading</name>
        <message>
            <location filename="../../parksgis/qt/workspace_loading.py" line="30" />
            <source>Opening %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../parksgis/qt/workspace_loading.py" line="33" />
            <source>Opening cancelled</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../parksgis/qt/workspace_loading.py" line="67" />
            <source>Reading %n file(s)…</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
    </context>
</TS>
