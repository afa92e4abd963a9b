package org.scim2j.examples.containers;

// tag::imports[]
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.scim2j.examples.embedding.ScimSetup;
import org.scim2j.servlet.ScimServlet;

import javax.sql.DataSource;
import java.util.Collections;
import java.util.Properties;
// end::imports[]

/**
 * Recipe for any Servlet 6 container (a WAR in Tomcat, Jetty, WildFly, ...): a listener declared in
 * {@code web.xml} after the host's own start-up listener registers the SCIM servlet. The {@code scim.*} keys come
 * from the web application's context parameters.
 *
 * <p>A listener declared in {@code web.xml} (or annotated {@code @WebListener}) may add servlets; one added
 * programmatically with {@code ServletContext.addListener} may not (Servlet 6.0, §4.4).
 */
public class ScimContextListener implements ServletContextListener {

    /** For the container, which creates listeners by class name. */
    public ScimContextListener() {
    }

    // tag::listener[]
    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        // The host's start-up put its DataSource here (or look yours up in JNDI, or wherever your application
        // keeps it).
        DataSource dataSource = (DataSource) context.getAttribute(DataSource.class.getName());
        Properties settings = new Properties();
        for (String name : Collections.list(context.getInitParameterNames())) {
            settings.setProperty(name, context.getInitParameter(name));
        }
        ScimServlet scim = ScimSetup.scimServlet(dataSource, settings,
                context.getInitParameter("scim.adminTokenSha256"));
        context.addServlet("scim", scim).addMapping("/api/scim/v2/*");
    }
    // end::listener[]
}
