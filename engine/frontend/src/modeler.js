/*
 * The designers' BPMN editor: bpmn-js's modeler with the Camunda 7 properties panel, bundled at
 * build time by esbuild (npm run build) into one script, window.CareRelayModeler.
 */
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaPlatformBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';

window.CareRelayModeler = function (canvas, panel) {
  return new BpmnModeler({
    container: canvas,
    propertiesPanel: {parent: panel},
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaPlatformBehaviorsModule
    ],
    moddleExtensions: {camunda: camundaModdle}
  });
};
