/**
 * pixi's 2D-canvas renderer with only the systems and pipes podsim's scene uses: a chunk of
 * its own, loaded only where WebGL is missing (see create-renderer.ts).
 *
 * pixi's CanvasRenderer (lib/rendering/renderers/canvas/CanvasRenderer.mjs) installs, besides
 * these, extract, the alpha/stencil mask pipes, the customRender pipe, the startup banner
 * and the deprecated renderableGC facade, and imports pixi's shared-system list, which
 * brings the WebGL-side extract and mask modules with it. Dropped for the reasons given in
 * webgl-renderer.ts (podsim sets no mask, extracts nothing, has no RenderContainer). Kept:
 * blendMode and colorMask, which pixi calls on every render-group rebuild.
 *
 * Same order as pixi's after its priority sort; not through pixi's extension registry (see
 * webgl-renderer.ts).
 *
 * One fix to pixi (8.22): its canvas bitmapText pipe redraws a BitmapText's new text only
 * when the render group is rebuilt anyway. A text change alone takes the update path,
 * which keeps the old glyphs: a Service's "0/3 ready" stayed on screen after its pods
 * turned ready, unless something else in its render group changed. pixi's canvas pipe for
 * Text (CanvasTextPipe.validateRenderable) asks for a rebuild on a text change; this does
 * the same for BitmapText.
 */
import {
  AbstractRenderer,
  BackgroundSystem,
  BatcherPipe,
  BlendModePipe,
  CanvasBatchAdaptor,
  CanvasBitmapTextPipe,
  CanvasColorMaskPipe,
  CanvasContextSystem,
  CanvasGraphicsAdaptor,
  CanvasGraphicsContextSystem,
  CanvasGraphicsPipe,
  CanvasLimitsSystem,
  CanvasRenderTargetSystem,
  CanvasTextureSystem,
  GCSystem,
  GenerateTextureSystem,
  GlobalUniformSystem,
  RenderGroupPipe,
  RenderGroupSystem,
  RendererType,
  SchedulerSystem,
  SpritePipe,
  ViewSystem,
  type BitmapText,
  type CanvasOptions,
  type CanvasPipes,
  type CanvasSystems,
  type PipeConstructor,
  type SystemConstructor,
} from 'pixi.js';
import { namedExtensions } from './named-extensions';

/** pixi's canvas bitmapText pipe, rebuilding what a text change needs (see above) */
class BitmapTextPipe extends CanvasBitmapTextPipe {
  override validateRenderable(bitmapText: BitmapText): boolean {
    return bitmapText._didTextUpdate || super.validateRenderable(bitmapText);
  }
}

const systems = namedExtensions<SystemConstructor>([
  BackgroundSystem,
  ViewSystem,
  GCSystem,
  SchedulerSystem,
  CanvasGraphicsContextSystem,
  GlobalUniformSystem,
  RenderGroupSystem,
  GenerateTextureSystem,
  CanvasContextSystem,
  CanvasLimitsSystem,
  CanvasTextureSystem,
  CanvasRenderTargetSystem,
]);
const renderPipes = namedExtensions<PipeConstructor>([CanvasGraphicsPipe, BitmapTextPipe, BlendModePipe, BatcherPipe, SpritePipe, RenderGroupPipe, CanvasColorMaskPipe]);
const renderPipeAdaptors = namedExtensions([CanvasBatchAdaptor, CanvasGraphicsAdaptor]);

/** the systems that are not installed (see above) */
type Dropped = 'extract' | 'hello' | 'renderableGC';

export interface CanvasRenderer extends AbstractRenderer<CanvasPipes, CanvasOptions, HTMLCanvasElement>, Omit<CanvasSystems, Dropped> {}

export class CanvasRenderer extends AbstractRenderer<CanvasPipes, CanvasOptions, HTMLCanvasElement> {
  constructor() {
    super({ name: 'canvas', type: RendererType.CANVAS, systems, renderPipes, renderPipeAdaptors, loaders: [] });
  }
}
