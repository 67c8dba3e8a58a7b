<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AttributeTable</name>
        <message>
            <location filename="../../parksgis/qt/attribute_table.py" line="222" />
            <source>%1 of %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/attribute_table.py" line="200" />
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/attribute_table.py" line="196" />
            <source>Filter: name, id, any text (中文 / English)</source>
            <translation>筛选：名称、编号或任意文字（中文 / English）</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/attribute_table.py" line="204" />
            <source>No project</source>
            <translation>无项目</translation>
        </message>
    </context>
    <context>
        <name>DisplayCrsDialog</name>
        <message>
            <location filename="../../parksgis/qt/settings_dialog.py" line="27" />
            <source>Display CRS</source>
            <translation>显示坐标系</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/settings_dialog.py" line="33" />
            <source>Map display and measuring CRS (EPSG code, WKT or PROJ). Default EPSG:4546, CGCS2000 / 3-degree Gauss-Kruger CM 111E.</source>
            <translation>地图显示与量测坐标系（EPSG 代码、WKT 或 PROJ）。默认 EPSG:4546，CGCS2000 3度带高斯-克吕格投影，中央经线 111°E。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/settings_dialog.py" line="20" />
            <source>axis units are not metres</source>
            <translation>坐标轴单位不是米</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/settings_dialog.py" line="17" />
            <source>not a projected CRS (distances would be in degrees)</source>
            <translation>不是投影坐标系（距离将以度为单位）</translation>
        </message>
    </context>
    <context>
        <name>FeatureTableModel</name>
        <message>
            <location filename="../../parksgis/qt/attribute_table.py" line="58" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
    </context>
    <context>
        <name>IdentifyPanel</name>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="165" />
            <source>%1 10k yuan</source>
            <translation>%1 万元</translation>
        </message>
        <message numerus="yes">
            <location filename="../../parksgis/qt/identify_panel.py" line="124" />
            <source>(+%n more selected)</source>
            <translation>
                <numerusform>（另选 %n 个）</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="104" />
            <source>Actual</source>
            <translation>实际</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="139" />
            <source>Click a feature on the map to identify it.</source>
            <translation>在地图上点击要素以查看其信息。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="105" />
            <source>Contractor</source>
            <translation>施工单位</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="101" />
            <source>English name</source>
            <translation>英文名称</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="108" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="103" />
            <source>Investment</source>
            <translation>投资</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="101" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="133" />
            <source>No project linked to this feature.</source>
            <translation>该要素未关联项目。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="104" />
            <source>Owner</source>
            <translation>业主单位</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="104" />
            <source>Planned</source>
            <translation>计划</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="103" />
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="100" />
            <source>Project</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="134" />
            <source>Project %1 is not in the register.</source>
            <translation>项目 %1 不在项目台账中。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="101" />
            <source>Project id</source>
            <translation>项目编号</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="102" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/identify_panel.py" line="108" />
            <source>Value</source>
            <translation>值</translation>
        </message>
    </context>
    <context>
        <name>LayerTreeModel</name>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="133" />
            <source>Basemap and other layers</source>
            <translation>底图及其他图层</translation>
        </message>
    </context>
    <context>
        <name>LayerTreeView</name>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="228" />
            <source>By category</source>
            <translation>按类别</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="228" />
            <source>By status</source>
            <translation>按状态</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="242" />
            <source>Opacity</source>
            <translation>不透明度</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="226" />
            <source>Open attribute table</source>
            <translation>打开属性表</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="229" />
            <source>Single colour</source>
            <translation>单一颜色</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="227" />
            <source>Style</source>
            <translation>样式</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/layer_tree.py" line="224" />
            <source>Zoom to</source>
            <translation>缩放至</translation>
        </message>
    </context>
    <context>
        <name>Loader</name>
        <message>
            <location filename="../../parksgis/qt/loader.py" line="63" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/loader.py" line="65" />
            <source>Loading</source>
            <translation>正在加载</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="128" />
            <source>&amp;About parksgis</source>
            <translation>关于 parksgis(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="124" />
            <source>&amp;Add layer files…</source>
            <translation>添加图层文件(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="127" />
            <source>&amp;Display CRS…</source>
            <translation>显示坐标系(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="137" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="145" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="144" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="132" />
            <source>&amp;Measure distance</source>
            <translation>量测距离(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="129" />
            <source>&amp;Pan and identify</source>
            <translation>平移与识别(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="141" />
            <source>&amp;Panels</source>
            <translation>面板(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="125" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="138" />
            <source>&amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="131" />
            <source>&amp;Select by box</source>
            <translation>框选(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="143" />
            <source>&amp;Settings</source>
            <translation>设置(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="142" />
            <source>&amp;Tools</source>
            <translation>工具(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="139" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="130" />
            <source>&amp;Zoom to box</source>
            <translation>拉框放大(&amp;Z)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="185" />
            <source>About parksgis</source>
            <translation>关于 parksgis</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="164" />
            <source>Add layer files</source>
            <translation>添加图层文件</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="219" />
            <source>Attribute table</source>
            <translation>属性表</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="127" />
            <source>Clear selection</source>
            <translation>清除选择</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="218" />
            <source>Identify</source>
            <translation>要素信息</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="218" />
            <source>Layers</source>
            <translation>图层</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="165" />
            <source>Layers (*.geojson *.json *.gpkg *.shp *.kml);;All files (*)</source>
            <translation>图层 (*.geojson *.json *.gpkg *.shp *.kml);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="146" />
            <source>Map tools</source>
            <translation>地图工具</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="133" />
            <source>Measure a&amp;rea</source>
            <translation>量测面积(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="87" />
            <source>Nothing on the map for “%1”</source>
            <translation>地图上没有找到“%1”</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="124" />
            <source>Open &amp;folder…</source>
            <translation>打开文件夹(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="158" />
            <source>Open a folder of layers</source>
            <translation>打开图层文件夹</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="219" />
            <source>Problems</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="139" />
            <source>Problems (%1)</source>
            <translation>问题 (%1)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="218" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="125" />
            <source>Zoom &amp;in</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="126" />
            <source>Zoom &amp;out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="125" />
            <source>Zoom to &amp;all</source>
            <translation>全图(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="140" />
            <source>Zoom to &amp;park</source>
            <translation>缩放至园区(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/window_actions.py" line="126" />
            <source>Zoom to &amp;selection</source>
            <translation>缩放至所选(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="185" />
            <source>parksgis %1 — plots, roads and utilities of the Zhuhai–Yangjiang co-built industrial parks, linked to their construction projects.</source>
            <translation>parksgis %1 — 珠海(阳江)共建产业园的地块、道路与市政设施，关联其建设项目状态。</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/main_window.py" line="216" />
            <source>parksgis — Zhuhai–Yangjiang co-built industrial parks</source>
            <translation>parksgis — 珠海(阳江)共建产业园</translation>
        </message>
    </context>
    <context>
        <name>ProblemsPanel</name>
        <message>
            <location filename="../../parksgis/qt/problems_panel.py" line="26" />
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/problems_panel.py" line="26" />
            <source>Feature</source>
            <translation>要素</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/problems_panel.py" line="26" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/problems_panel.py" line="26" />
            <source>Level</source>
            <translation>级别</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/problems_panel.py" line="27" />
            <source>Message</source>
            <translation>说明</translation>
        </message>
    </context>
    <context>
        <name>SearchBox</name>
        <message>
            <location filename="../../parksgis/qt/search_box.py" line="58" />
            <source>Search project or feature (中文 / English / id)</source>
            <translation>搜索项目或要素（中文 / English / 编号）</translation>
        </message>
    </context>
    <context>
        <name>StatusLegend</name>
        <message>
            <location filename="../../parksgis/qt/status_legend.py" line="38" />
            <location filename="../../parksgis/qt/status_legend.py" line="53" />
            <source>Click a status to hide or show its features</source>
            <translation>点击状态以隐藏或显示对应要素</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/status_legend.py" line="63" />
            <source>No project</source>
            <translation>无项目</translation>
        </message>
    </context>
    <context>
        <name>WorkspaceLoading</name>
        <message>
            <location filename="../../parksgis/qt/workspace_loading.py" line="30" />
            <source>Opening %1…</source>
            <translation>正在打开 %1…</translation>
        </message>
        <message>
            <location filename="../../parksgis/qt/workspace_loading.py" line="33" />
            <source>Opening cancelled</source>
            <translation>已取消打开</translation>
        </message>
        <message numerus="yes">
            <location filename="../../parksgis/qt/workspace_loading.py" line="67" />
            <source>Reading %n file(s)…</source>
            <translation>
                <numerusform>正在读取 %n 个文件…</numerusform>
            </translation>
        </message>
    </context>
</TS>
