package org.elasticsearch.node;

import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * A node whose plugins come from the classpath. In this package because the {@code Node(NodeConstruction)}
 * constructor and {@code NodeServiceProvider} are package-private; the public constructor only
 * knows plugin bundles on disk.
 */
public class ClasspathNode extends Node {
    public ClasspathNode(Environment environment, Collection<Class<? extends Plugin>> pluginClasses) {
        super(construct(environment, pluginClasses));
    }

    private static NodeConstruction construct(Environment environment, Collection<Class<? extends Plugin>> pluginClasses) {
        PluginsLoader emptyLoader = PluginsLoader.createPluginsLoader(Set.of(), Set.of(), Map.of(), false);
        NodeServiceProvider provider = new NodeServiceProvider() {
            @Override
            PluginsService newPluginService(Environment env, PluginsLoader loader) {
                return new ClasspathPluginsService(env.settings(), loader, pluginClasses);
            }
        };
        return NodeConstruction.prepareConstruction(environment, emptyLoader, provider, true);
    }
}
