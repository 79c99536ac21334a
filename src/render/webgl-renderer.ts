/**
 * pixi's WebGL renderer with only the systems and render pipes podsim's scene uses.
 *
 * pixi's WebGLRenderer (lib/rendering/renderers/gl/WebGLRenderer.mjs) installs every shared
 * system and pipe: extract, the three mask pipes and the stencil system behind them, the
 * mesh adaptor, a startup banner and two deprecated GC facades. podsim draws Containers
 * (some render groups), Graphics, Sprites and BitmapText, reads generated textures
 * (`generateTexture`, for the particle dots and glyphs) and sets the background colour;
 * it sets no mask, filter or blend mode and extracts no pixels. Dropped, and why that is safe:
 * - extract (ExtractSystem): nothing calls `renderer.extract`.
 * - alphaMask, stencilMask pipes and the stencil system: pipes only for mask effects
 *   (`container.mask`, never set); the stencil system only turns the stencil test on for a
 *   stencil mask, and nothing else touches it.
 * - customRender pipe: only for RenderContainer, which podsim does not use.
 * - mesh adaptor: no mesh pipe is installed (no Mesh in the scene), so it would go unused.
 * - hello: logs pixi's banner when `hello: true`, never passed.
 * - textureGC, renderableGC: deprecated (8.15) facades forwarding to `gc`, which stays; their
 *   init only forwards options podsim does not pass.
 * Kept though podsim never asks for them by name: blendMode and colorMask (pixi calls them
 * on every render-group rebuild) with the colour-mask system colorMask drives.
 *
 * Same order as pixi's after its priority sort (backBuffer first, the devtools init hook
 * last): systems are constructed and initialised in this order and some look up earlier
 * ones in their constructors. Not through pixi's extension registry: the lists are fixed
 * here, so the dev server (which loads all of pixi, whose WebGLRenderer module owns the
 * registry's WebGL lists) draws with this same renderer.
 */
import {
  AbstractRenderer,
  BackgroundSystem,
  BatcherPipe,
  BitmapTextPipe,
  BlendModePipe,
  ColorMaskPipe,
  GCSystem,
  GenerateTextureSystem,
  GlBackBufferSystem,
  GlBatchAdaptor,
  GlBufferSystem,
  GlColorMaskSystem,
  GlContextSystem,
  GlEncoderSystem,
  GlGeometrySystem,
  GlGraphicsAdaptor,
  GlLimitsSystem,
  GlobalUniformSystem,
  GlRenderTargetSystem,
  GlShaderSystem,
  GlStateSystem,
  GlTextureSystem,
  GlUboSystem,
  GlUniformGroupSystem,
  GraphicsContextSystem,
  GraphicsPipe,
  RenderGroupPipe,
  RenderGroupSystem,
  RendererInitHook,
  RendererType,
  SchedulerSystem,
  SpritePipe,
  ViewSystem,
  type GlRenderingContext,
  type PipeConstructor,
  type SystemConstructor,
  type WebGLOptions,
  type WebGLPipes,
  type WebGLSystems,
} from 'pixi.js';
import { namedExtensions } from './named-extensions';

const systems = namedExtensions<SystemConstructor>([
  GlBackBufferSystem,
  BackgroundSystem,
  ViewSystem,
  GCSystem,
  SchedulerSystem,
  GraphicsContextSystem,
  GlobalUniformSystem,
  RenderGroupSystem,
  GenerateTextureSystem,
  GlUboSystem,
  GlContextSystem,
  GlLimitsSystem,
  GlBufferSystem,
  GlTextureSystem,
  GlRenderTargetSystem,
  GlGeometrySystem,
  GlUniformGroupSystem,
  GlShaderSystem,
  GlEncoderSystem,
  GlStateSystem,
  GlColorMaskSystem,
  RendererInitHook,
]);
const renderPipes = namedExtensions<PipeConstructor>([GraphicsPipe, BitmapTextPipe, BlendModePipe, BatcherPipe, SpritePipe, RenderGroupPipe, ColorMaskPipe]);
const renderPipeAdaptors = namedExtensions([GlBatchAdaptor, GlGraphicsAdaptor]);

/** the systems that are not installed (see above) */
type Dropped = 'extract' | 'stencil' | 'hello' | 'textureGC' | 'renderableGC';

export interface WebGLRenderer extends AbstractRenderer<WebGLPipes, WebGLOptions, HTMLCanvasElement>, Omit<WebGLSystems, Dropped> {}

export class WebGLRenderer extends AbstractRenderer<WebGLPipes, WebGLOptions, HTMLCanvasElement> {
  /** set by the context system */
  declare gl: GlRenderingContext;

  constructor() {
    super({ name: 'webgl', type: RendererType.WEBGL, systems, renderPipes, renderPipeAdaptors, loaders: [] });
  }
}
