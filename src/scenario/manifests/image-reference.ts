/**
 * The parts of a container image reference (`registry:5000/team/app:1.2@sha256:...`)
 * that podsim needs: the tag decides the default imagePullPolicy
 * (k8s.io/kubernetes/pkg/apis/core/v1/defaults.go SetDefaults_Container, via
 * parsers.ParseImageName which defaults the tag to "latest").
 */

export interface ImageReference {
  /** the reference without tag and digest, e.g. "jenkins/jenkins" */
  repository: string;
  /** the tag as written; undefined when none was written */
  tag?: string;
  digest?: string;
}

export function parseImageReference(image: string): ImageReference {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const named = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = named.lastIndexOf('/');
  const colon = named.indexOf(':', lastSlash + 1);
  if (colon < 0) return { repository: named, digest };
  return { repository: named.slice(0, colon), tag: named.slice(colon + 1), digest };
}

/** imagePullPolicy default: Always for `:latest` or no tag (and no digest), else IfNotPresent. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const ref = parseImageReference(image);
  const tag = ref.tag ?? (ref.digest ? '' : 'latest');
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** Whether an `images:` key of the scenario names this image: exactly, or by repository when the key has no tag. */
export function imageKeyMatches(key: string, image: string): boolean {
  if (key === image) return true;
  const k = parseImageReference(key);
  if (k.tag !== undefined || k.digest !== undefined) return false;
  return parseImageReference(image).repository === k.repository;
}
